import { z } from "zod";
import { metricIds, metrics } from "../billing";
import { anyRole, invalid } from "../gateway";
import { currentPlan } from "./agent-lookups";
import { defineAction } from "./services";

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month as YYYY-MM");

/** The month's bounds (UTC) and its days, for `YYYY-MM` or this month. */
function monthOf(value: string | undefined, now: Date) {
  const [y, m] = value ? value.split("-").map(Number) : [now.getUTCFullYear(), now.getUTCMonth() + 1];
  const from = new Date(Date.UTC(y as number, (m as number) - 1, 1));
  const to = new Date(Date.UTC(y as number, m as number, 1));
  if (from.getTime() > now.getTime()) throw invalid("month: that month has not begun");
  return { from, to };
}

/**
 * The tenant's usage in a month (UTC), from the ledger by when it happened:
 * each metric's total and its day-by-day series, and where the plan limits
 * it, the limit and how close the tenant is (the console warns at 80 %).
 */
export const describeUsage = defineAction({
  name: "DescribeUsage",
  params: z.strictObject({ month: month.optional() }),
  roles: anyRole,
  mutates: false,
  async handler({ tx, tenantId, services }, params) {
    const { from, to } = monthOf(params.month, services.now());
    const rows = await tx.query<{ day: Date; metric: string; quantity: string }>`
      SELECT date_trunc('day', occurred_at, 'UTC') AS day, metric, sum(quantity)::text AS quantity
      FROM usage_events
      WHERE tenant_id = ${tenantId} AND occurred_at >= ${from} AND occurred_at < ${to}
      GROUP BY 1, 2 ORDER BY 1`;
    const plan = await currentPlan(tx, tenantId);
    const [hosts] = await tx.query<{ n: number }>`
      SELECT count(*)::int AS n FROM agents WHERE tenant_id = ${tenantId} AND revoked_at IS NULL`;
    const days = new Map<string, Record<string, number>>();
    for (let d = from.getTime(); d < to.getTime() && d <= services.now().getTime(); d += 86_400_000)
      days.set(new Date(d).toISOString().slice(0, 10), Object.fromEntries(metricIds.map((m) => [m, 0])));
    const totals = Object.fromEntries(metricIds.map((m) => [m, 0])) as Record<string, number>;
    for (const r of rows) {
      const day = days.get(r.day.toISOString().slice(0, 10));
      if (day && r.metric in totals) {
        day[r.metric] = Number(r.quantity);
        totals[r.metric] = (totals[r.metric] ?? 0) + Number(r.quantity);
      }
    }
    const limitOf = (metric: string) => (metric === "task_runs" ? (plan?.maxTaskRunsPerMonth ?? null) : null);
    return {
      month: from.toISOString().slice(0, 7),
      plan: plan?.id ?? null,
      metrics: metricIds.map((m) => ({ metric: m, unit: metrics[m].unit, total: totals[m] ?? 0, limit: limitOf(m) })),
      hosts: { enrolled: hosts?.n ?? 0, limit: plan?.maxHosts ?? null },
      daily: [...days].map(([day, values]) => ({ day, ...values })),
    };
  },
});
