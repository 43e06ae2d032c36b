"use client";

import { usePathname, useSearchParams } from "next/navigation";

/** Switches language and comes back to this very page, query included (the authorization page needs its). */
export function LanguageSwitch({ to, label }: { to: string; label: string }) {
  const query = useSearchParams().toString();
  const back = `${usePathname()}${query ? `?${query}` : ""}`;
  return (
    <a
      href={`/lang/${to}?back=${encodeURIComponent(back)}`}
      hrefLang={to}
      lang={to}
      className="whitespace-nowrap text-gray-600 hover:text-primary"
    >
      {label}
    </a>
  );
}
