"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

/** The area's sections; the current one marked. A column beside the page on wide screens, a scrolling strip on phones. */
export function NavLinks({ items, label }: { items: NavItem[]; label: string }) {
  const path = usePathname();
  const current = (href: string) => path === href || (href.split("/").length > 2 && path.startsWith(`${href}/`));
  return (
    <nav
      aria-label={label}
      className="flex shrink-0 overflow-x-auto border-b border-gray-200 bg-white md:min-h-[calc(100vh-3rem)] md:w-52 md:flex-col md:overflow-visible md:border-r md:border-b-0 md:py-2"
    >
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={current(item.href) ? "page" : undefined}
          className="block h-9 shrink-0 border-b-2 border-transparent px-4 leading-9 whitespace-nowrap text-gray-700 hover:bg-gray-50 hover:text-primary aria-[current=page]:border-primary aria-[current=page]:text-primary md:h-8 md:border-b-0 md:border-l-2 md:leading-8 md:aria-[current=page]:bg-blue-50"
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
