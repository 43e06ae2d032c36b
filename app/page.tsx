import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PlainPage } from "@/components/shell/plain-page";
import { runtime } from "@/lib/runtime";

export default async function Home() {
  const t = await getTranslations();
  const links = [
    ["/console", t("home.console")],
    ["/pricing", t("pricing.title")],
    ["/admin", t("home.admin")],
    ["/ops", t("home.ops")],
    ...(runtime().config.SANDBOX === "on" ? [["/sandbox", t("home.sandbox")] as const] : []),
  ];
  return (
    <PlainPage title={t("meta.title")}>
      <p className="text-gray-600">{t("home.tagline")}</p>
      <ul className="flex flex-wrap gap-2">
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
    </PlainPage>
  );
}
