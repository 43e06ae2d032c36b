import { getTranslations } from "next-intl/server";
import { OverviewPanels } from "@/components/backoffice/overview-panels";
import { requireStaff } from "@/components/backoffice/require-staff";
import { overviewQuery } from "@/lib/backoffice";
import { queryValues } from "@/lib/http";

/** The business on one page: tenants and revenue per channel, what is ending, agents online. */
export default async function AdminOverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff("/admin", ["isv_admin"]);
  const [t, params] = await Promise.all([getTranslations(), searchParams]);
  const parsed = overviewQuery.safeParse(queryValues(params));
  const period = parsed.success ? parsed.data.period : "day";
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-lg font-semibold">{t("admin.overview.title")}</h1>
        <nav className="flex gap-1" aria-label={t("admin.overview.period")}>
          {(["day", "week", "month"] as const).map((p) => (
            <a
              key={p}
              href={`/admin?period=${p}`}
              aria-current={p === period ? "true" : undefined}
              className="rounded border border-gray-300 px-3 py-0.5 aria-[current=true]:border-primary aria-[current=true]:bg-blue-50 aria-[current=true]:text-primary"
            >
              {t("admin.overview.by", { value: p })}
            </a>
          ))}
        </nav>
      </div>
      <OverviewPanels period={period} />
    </>
  );
}
