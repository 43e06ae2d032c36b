import { getFormatter, getTranslations } from "next-intl/server";
import { Panel } from "@/components/ui/panel";
import type { describeUsage } from "@/lib/actions";
import type { ResultOf } from "@/lib/gateway";
import { codeArgs } from "@/lib/i18n";
import { UsageChart } from "./usage-chart";

type Usage = ResultOf<typeof describeUsage>;

const percentOf = (used: number, limit: number | null) => (limit ? Math.round((used / limit) * 100) : null);

/**
 * The month's usage per metric: the total and, where the plan limits it, how
 * close the tenant is (a warning from 80 %), beside a chart of each day.
 */
export async function UsagePanel({ usage, aside }: { usage: Usage; aside?: React.ReactNode }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const near = [
    ...usage.metrics.map((m) => ({ name: t("usage.metric", codeArgs(m.metric)), percent: percentOf(m.total, m.limit) })),
    { name: t("usage.hosts"), percent: percentOf(usage.hosts.enrolled, usage.hosts.limit) },
  ].filter((m) => (m.percent ?? 0) >= 80);
  return (
    <Panel title={t("usage.period", { month: usage.month })} testId="usage" aside={aside}>
      {near.map((m) => (
        <p key={m.name} role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          {t("usage.nearLimit", { metric: m.name, percent: m.percent ?? 0 })}
        </p>
      ))}
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="text-gray-500">{t("usage.hosts")}</dt>
        <dd className="tabular-nums" data-testid="usage-hosts">
          {format.number(usage.hosts.enrolled)} / {usage.hosts.limit === null ? t("usage.noLimit") : format.number(usage.hosts.limit)}
        </dd>
      </dl>
      <div className="grid gap-4 lg:grid-cols-3">
        {usage.metrics.map((m) => {
          const name = t("usage.metric", codeArgs(m.metric));
          const percent = percentOf(m.total, m.limit);
          return (
            <div key={m.metric} className="min-w-0 space-y-1" data-testid={`usage-${m.metric}`}>
              <h3 className="text-gray-600">{name}</h3>
              <p>
                <span className="text-xl font-semibold tabular-nums" data-testid="usage-total">
                  {format.number(m.total)}
                </span>{" "}
                <span className="text-gray-500">{t("usage.unit", codeArgs(m.unit.replace("-", "_")))}</span>
              </p>
              <p className="text-xs text-gray-500">
                {t("usage.limit", { limit: m.limit === null ? t("usage.noLimit") : format.number(m.limit) })}
                {percent !== null && ` · ${t("usage.ofLimit", { percent })}`}
              </p>
              <UsageChart
                label={t("usage.chart", { metric: name })}
                days={usage.daily.map((d) => ({ day: d.day, value: Number(d[m.metric as keyof typeof d]) }))}
              />
            </div>
          );
        })}
      </div>
    </Panel>
  );
}
