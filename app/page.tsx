import Link from "next/link";
import { currentLocale } from "@/components/i18n/current-locale";
import { runtime } from "@/lib/runtime";

export default async function Home() {
  const { t } = await currentLocale();
  const links = [
    ["/console", t("home.console")],
    ["/admin", t("home.admin")],
    ["/ops", t("home.ops")],
    ...(runtime().config.SANDBOX === "on" ? [["/sandbox", t("sandbox.title")] as const] : []),
  ];
  return (
    <main className="mx-auto max-w-2xl space-y-6 p-12">
      <h1 className="text-2xl font-semibold text-primary">Skyport</h1>
      <p className="text-gray-600">{t("home.tagline")}</p>
      <ul className="flex gap-3">
        {links.map(([href, label]) => (
          <li key={href}>
            <Link
              href={href}
              className="inline-block rounded border border-gray-300 bg-white px-4 py-2 hover:border-primary hover:text-primary"
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
