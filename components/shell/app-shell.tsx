import Link from "next/link";

export type NavItem = { href: string; label: string };

/** Console layout: compact header (product, context, language), left navigation, content. */
export function AppShell(props: {
  title: string;
  context?: React.ReactNode;
  nav: NavItem[];
  locale: string;
  path: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  const other = props.locale === "zh" ? { code: "en", label: "English" } : { code: "zh", label: "中文" };
  return (
    <div className="min-h-screen">
      <header className="flex h-12 items-center gap-4 border-b border-gray-200 bg-white px-4">
        <Link href="/" className="font-semibold text-primary">
          Skyport
        </Link>
        <span className="text-gray-400">/</span>
        <span className="font-medium">{props.title}</span>
        <div className="flex-1">{props.context}</div>
        {props.actions}
        <a href={`/lang/${other.code}?back=${encodeURIComponent(props.path)}`} className="text-gray-600 hover:text-primary">
          {other.label}
        </a>
      </header>
      <div className="flex">
        <nav className="min-h-[calc(100vh-3rem)] w-48 shrink-0 border-r border-gray-200 bg-white py-2">
          {props.nav.map((item) => (
            <a key={item.href} href={item.href} className="block h-8 px-4 leading-8 text-gray-700 hover:bg-gray-50 hover:text-primary">
              {item.label}
            </a>
          ))}
        </nav>
        <main className="flex-1 space-y-4 p-6">{props.children}</main>
      </div>
    </div>
  );
}
