import { z } from "zod";
import { type MetricId, metrics, type PlanId, plans } from "../billing";
import type { PrismaClient } from "../db";
import { offlineAfterMinutes } from "./health";

export const overviewPeriods = { day: 30, week: 12, month: 12 } as const;
export type OverviewPeriod = keyof typeof overviewPeriods;
export const overviewQuery = z.object({ period: z.enum(["day", "week", "month"]).default("day") });

export type ChannelPoint = { start: string; aliyun: number; aws: number; direct: number };
const channels = ["aliyun", "aws", "direct"] as const;

/** The first instant of each of the period's last buckets, oldest first (UTC, weeks from Monday). */
export function bucketStarts(period: OverviewPeriod, now: Date): Date[] {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), period === "month" ? 1 : now.getUTCDate()));
  if (period === "week") start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  return Array.from({ length: overviewPeriods[period] }, (_, i) => {
    const d = new Date(start);
    const back = overviewPeriods[period] - 1 - i;
    if (period === "month") d.setUTCMonth(d.getUTCMonth() - back);
    else d.setUTCDate(d.getUTCDate() - back * (period === "week" ? 7 : 1));
    return d;
  });
}

type Counted = { bucket: Date | null; channel: (typeof channels)[number]; n: number };

/**
 * The business across tenants and channels: tenants per channel at the end of
 * each bucket, new and churned (closed) per bucket, subscriptions ending soon,
 * agents online, and the revenue estimate (catalogue list prices of current
 * paid subscriptions, plus this month's metered usage at unit prices: what
 * the marketplaces do not report, estimated), and metering records dead or
 * rejected in the last 30 days. Each series is one grouped scan.
 */
export async function readOverview(opsDb: PrismaClient, period: OverviewPeriod, now = new Date()) {
  const starts = bucketStarts(period, now);
  const first = starts[0] as Date;
  const [created, closed, expiring, agents, subscriptions, usage, metering] = await Promise.all([
    opsDb.$queryRaw<Counted[]>`
      SELECT CASE WHEN created_at < ${first} THEN NULL ELSE date_trunc(${period}, created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' END AS bucket,
             channel::text AS channel, count(*)::int AS n
      FROM tenants GROUP BY 1, 2`,
    opsDb.$queryRaw<Counted[]>`
      SELECT CASE WHEN closed_at < ${first} THEN NULL ELSE date_trunc(${period}, closed_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' END AS bucket,
             channel::text AS channel, count(*)::int AS n
      FROM tenants WHERE closed_at IS NOT NULL GROUP BY 1, 2`,
    opsDb.$queryRaw<{ within7: number; within30: number }[]>`
      SELECT count(*) FILTER (WHERE s.expires_at < now() + interval '7 days')::int AS within7, count(*)::int AS within30
      FROM tenants t JOIN LATERAL (
        SELECT status, expires_at FROM subscriptions WHERE tenant_id = t.id ORDER BY starts_at DESC LIMIT 1
      ) s ON true
      WHERE t.status = 'active' AND s.status = 'active' AND s.expires_at >= now() AND s.expires_at < now() + interval '30 days'`,
    opsDb.$queryRaw<{ online: number; total: number }[]>`
      SELECT count(*) FILTER (WHERE last_seen_at >= now() - make_interval(mins => ${offlineAfterMinutes}))::int AS online, count(*)::int AS total
      FROM agents WHERE revoked_at IS NULL`,
    opsDb.$queryRaw<{ channel: (typeof channels)[number]; plan: string; n: number }[]>`
      SELECT t.channel::text AS channel, s.plan, count(*)::int AS n
      FROM subscriptions s JOIN tenants t ON t.id = s.tenant_id
      WHERE s.status = 'active' AND NOT s.trial AND (s.expires_at IS NULL OR s.expires_at > now())
      GROUP BY 1, 2`,
    opsDb.$queryRaw<{ channel: (typeof channels)[number]; metric: string; quantity: number }[]>`
      SELECT t.channel::text AS channel, u.metric, sum(u.quantity)::float8 AS quantity
      FROM usage_events u JOIN tenants t ON t.id = u.tenant_id
      WHERE u.occurred_at >= date_trunc('month', now())
      GROUP BY 1, 2`,
    opsDb.$queryRaw<{ failed: number }[]>`
      SELECT count(*)::int AS failed FROM metering_records WHERE state IN ('dead', 'rejected') AND hour >= now() - interval '30 days'`,
  ]);

  const key = (d: Date) => d.toISOString();
  const series = (rows: Counted[]) => {
    const by = new Map(starts.map((s) => [key(s), { aliyun: 0, aws: 0, direct: 0 }]));
    const before = { aliyun: 0, aws: 0, direct: 0 };
    for (const r of rows) {
      const slot = r.bucket ? by.get(key(r.bucket)) : before;
      if (slot) slot[r.channel] += r.n;
    }
    return { before, by };
  };
  const opened = series(created);
  const gone = series(closed);
  const running = {
    aliyun: opened.before.aliyun - gone.before.aliyun,
    aws: opened.before.aws - gone.before.aws,
    direct: opened.before.direct - gone.before.direct,
  };
  const points = starts.map((s) => {
    const o = opened.by.get(key(s)) ?? { aliyun: 0, aws: 0, direct: 0 };
    const g = gone.by.get(key(s)) ?? { aliyun: 0, aws: 0, direct: 0 };
    for (const c of channels) running[c] += o[c] - g[c];
    return {
      start: key(s),
      tenants: { ...running },
      created: o,
      churned: g,
    };
  });

  const revenue = Object.fromEntries(channels.map((c) => [c, { subscriptionsCents: 0, usageCents: 0 }])) as Record<
    (typeof channels)[number],
    { subscriptionsCents: number; usageCents: number }
  >;
  for (const s of subscriptions) revenue[s.channel].subscriptionsCents += (plans[s.plan as PlanId]?.monthlyPriceCents ?? 0) * s.n;
  for (const u of usage) revenue[u.channel].usageCents += Math.round((metrics[u.metric as MetricId]?.unitPriceCents ?? 0) * u.quantity);

  return {
    points,
    expiring: expiring[0] ?? { within7: 0, within30: 0 },
    agents: agents[0] ?? { online: 0, total: 0 },
    meteringFailures: metering[0]?.failed ?? 0,
    revenue,
  };
}
export type Overview = Awaited<ReturnType<typeof readOverview>>;
