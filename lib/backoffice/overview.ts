import { z } from "zod";
import { type MetricId, marketplaceSkus, metrics, planIds, plans } from "../billing";
import { Prisma, type PrismaClient } from "../db";
import { offlineBefore } from "./agent-online";

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

type Cents = { bucket: Date; channel: (typeof channels)[number]; cents: number };
type Trials = { bucket: Date; started: number; converted: number };

/**
 * The business across tenants and channels, per bucket of the period: tenants
 * per channel at the end of each, new and churned (closed), trials started and
 * how many became paid, and revenue. Revenue is what Stripe's paid invoices
 * say for direct sales; for a marketplace, which reports no amount, an
 * estimate: each paid subscription's catalogue list price for the days it ran
 * in the bucket (a month counted as 30 days), at the plan it was on each day,
 * plus its metered usage at unit prices. Then subscriptions ending soon, agents online, and metering records
 * dead or rejected in the last 30 days. Each series is one grouped scan.
 */
export async function readOverview(opsDb: PrismaClient, period: OverviewPeriod, heartbeatSeconds: number, now = new Date()) {
  const starts = bucketStarts(period, now);
  const first = starts[0] as Date;
  // the buckets' starts, then now: bucket i runs from edge i to edge i + 1
  const edges = [...starts, now].map((d) => d.toISOString());
  const bucketOf = (column: Prisma.Sql) => Prisma.sql`date_trunc(${period}, ${column} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`;
  const [created, closed, expiring, agents, invoiced, listed, metered, trials, metering] = await Promise.all([
    opsDb.$queryRaw<Counted[]>`
      SELECT CASE WHEN created_at < ${first} THEN NULL ELSE ${bucketOf(Prisma.sql`created_at`)} END AS bucket,
             channel::text AS channel, count(*)::int AS n
      FROM tenants GROUP BY 1, 2`,
    opsDb.$queryRaw<Counted[]>`
      SELECT CASE WHEN closed_at < ${first} THEN NULL ELSE ${bucketOf(Prisma.sql`closed_at`)} END AS bucket,
             channel::text AS channel, count(*)::int AS n
      FROM tenants WHERE closed_at IS NOT NULL GROUP BY 1, 2`,
    opsDb.$queryRaw<{ within7: number; within30: number }[]>`
      SELECT count(*) FILTER (WHERE s.expires_at < now() + interval '7 days')::int AS within7, count(*)::int AS within30
      FROM tenants t JOIN LATERAL (
        SELECT status, expires_at FROM subscriptions WHERE tenant_id = t.id ORDER BY starts_at DESC LIMIT 1
      ) s ON true
      WHERE t.status = 'active' AND s.status = 'active' AND s.expires_at >= now() AND s.expires_at < now() + interval '30 days'`,
    opsDb.$queryRaw<{ online: number; total: number }[]>`
      SELECT count(*) FILTER (WHERE last_seen_at > ${offlineBefore(heartbeatSeconds)})::int AS online, count(*)::int AS total
      FROM agents WHERE revoked_at IS NULL`,
    // direct: what Stripe collected (the catalogue's prices are in US dollars, and so are its Stripe prices)
    opsDb.$queryRaw<Cents[]>`
      SELECT ${bucketOf(Prisma.sql`paid_at`)} AS bucket, 'direct' AS channel, sum(amount_paid)::float8 AS cents
      FROM stripe_invoices WHERE paid_at >= ${first} AND paid_at < ${now} AND currency = 'usd' GROUP BY 1`,
    // marketplaces: list price × the share of a 30-day month each paid subscription ran in each bucket
    // (one released before its term ended counts as refunded: nothing, then and after; one with no
    // term, as AWS's, ran until the buyer unsubscribed), at the plan it was on: its plan now, and, for
    // one whose plan changed during its run, from each SKU its orders named to the next, what that plan
    // cost more or less.
    // G(x), the cents × seconds subscriptions had run by instant x, is x·Σw − Σw·t over the starts (+w)
    // and ends (−w) of runs and of those stretches before x: one scan sums those per bucket edge, then a
    // bucket is G(stop) − G(start).
    opsDb.$queryRaw<Cents[]>`
      WITH price AS (SELECT * FROM unnest(${planIds}::text[], ${planIds.map((p) => plans[p].monthlyPriceCents)}::int[]) AS p(plan, cents)),
      sku_price AS (
        SELECT * FROM unnest(${marketplaceSkus.map((k) => k.channel)}::channel[], ${marketplaceSkus.map((k) => k.sku)}::text[],
                             ${marketplaceSkus.map((k) => k.monthlyPriceCents)}::int[]) AS k(channel, sku, cents)
      ),
      paid AS (
        SELECT s.tenant_id, s.id, s.instance_id, t.channel, s.starts_at, coalesce(s.expires_at, released.at) AS ends_at, price.cents
        FROM subscriptions s JOIN tenants t ON t.id = s.tenant_id AND t.channel <> 'direct' JOIN price ON price.plan = s.plan
        -- when the marketplace last released it, for one that is not active now (an AWS buyer may subscribe
        -- again to the same row): the order history keeps it, the row only its status
        LEFT JOIN LATERAL (
          SELECT max(o.at) AS at FROM marketplace_orders o
          WHERE s.status <> 'active' AND o.tenant_id = s.tenant_id AND o.instance_id = s.instance_id
            AND o.action IN ('releaseInstance', 'unsubscribe-success', 'subscribe-fail')
        ) released ON true
        WHERE NOT s.trial
          AND (released.at IS NULL OR s.expires_at IS NULL OR released.at >= s.expires_at)
          AND (s.status = 'active' OR coalesce(s.expires_at, released.at) <= ${now})
          AND (coalesce(s.expires_at, released.at) IS NULL OR coalesce(s.expires_at, released.at) > s.starts_at)
      ),
      -- the few whose orders named another plan (an upgrade, an AWS entitlement that changed, a registration
      -- again): from each order that named a plan to the next, what that plan cost more or less than the plan
      -- now. A plan change whose order kept no SKU (AWS's before 2026-12-01), or a SKU the catalogue no longer
      -- sells, counts at the plan now: it still ends the stretch before it.
      changed AS MATERIALIZED (
        SELECT p.* FROM paid p
        -- an order that named another SKU than the row's now; found from the tables, whose sizes the
        -- planner knows (it underestimates paid), in one hash join rather than a probe per subscription
        WHERE (p.tenant_id, p.id) IN (
          SELECT s.tenant_id, s.id FROM subscriptions s
          JOIN marketplace_orders o ON o.tenant_id = s.tenant_id AND o.instance_id = s.instance_id AND o.sku <> s.sku
        )
      ),
      stretches AS (
        SELECT c.channel, coalesce(k.cents, c.cents) - c.cents AS w,
               -- the first reaches back to the start (the purchase's order is written a moment after it)
               CASE WHEN row_number() OVER o = 1 THEN c.starts_at ELSE greatest(mo.at, c.starts_at) END AS from_at,
               least(lead(mo.at) OVER o, c.ends_at) AS to_at
        FROM changed c
        JOIN marketplace_orders mo ON mo.tenant_id = c.tenant_id AND mo.instance_id = c.instance_id
          AND (mo.sku IS NOT NULL OR mo.action IN ('upgradeInstance', 'subscribe-success', 'entitlement-updated'))
        LEFT JOIN sku_price k ON k.channel = c.channel AND k.sku = mo.sku
        WINDOW o AS (PARTITION BY c.tenant_id, c.id ORDER BY mo.at, mo.id)
      ),
      moves AS (
        SELECT channel, starts_at AS at, cents AS w FROM paid
        UNION ALL SELECT channel, ends_at, -cents FROM paid WHERE ends_at IS NOT NULL
        UNION ALL SELECT channel, from_at, w FROM stretches WHERE w <> 0 AND (to_at IS NULL OR to_at > from_at)
        UNION ALL SELECT channel, to_at, -w FROM stretches WHERE w <> 0 AND to_at > from_at
      ),
      slots AS (
        SELECT channel, width_bucket(at, ${edges}::timestamptz[]) AS slot, sum(w) AS w, sum(w * extract(epoch FROM at)) AS wt
        FROM moves GROUP BY 1, 2
      ),
      g AS (
        SELECT e.k, e.x, c.channel, coalesce(sum(extract(epoch FROM e.x) * s.w - s.wt), 0) AS g
        FROM unnest(${edges}::timestamptz[]) WITH ORDINALITY AS e(x, k)
        CROSS JOIN (SELECT DISTINCT channel FROM slots) c
        LEFT JOIN slots s ON s.channel = c.channel AND s.slot < e.k
        GROUP BY 1, 2, 3
      )
      SELECT bucket, channel, cents FROM (
        SELECT lag(x) OVER w AS bucket, channel::text AS channel, ((g - lag(g) OVER w) / ${30 * 86_400})::float8 AS cents
        FROM g WINDOW w AS (PARTITION BY channel ORDER BY k)
      ) r WHERE bucket IS NOT NULL`,
    // marketplaces: what was metered to them (not dead, not rejected) at the catalogue's unit prices
    opsDb.$queryRaw<{ bucket: Date; channel: (typeof channels)[number]; metric: string; quantity: number }[]>`
      SELECT ${bucketOf(Prisma.sql`hour`)} AS bucket, channel::text AS channel, metric, sum(coalesce(accepted_quantity, quantity))::float8 AS quantity
      FROM metering_records
      WHERE hour >= ${first} AND channel <> 'direct' AND state NOT IN ('dead', 'rejected')
      GROUP BY 1, 2, 3`,
    opsDb.$queryRaw<Trials[]>`
      SELECT ${bucketOf(Prisma.sql`started_at`)} AS bucket, count(*)::int AS started, count(*) FILTER (WHERE converted)::int AS converted
      FROM (
        -- a marketplace trial is its own subscription; it converted when a paid one followed
        SELECT s.starts_at AS started_at,
               EXISTS (SELECT 1 FROM subscriptions p WHERE p.tenant_id = s.tenant_id AND NOT p.trial AND p.starts_at >= s.starts_at) AS converted
        FROM subscriptions s JOIN tenants t ON t.id = s.tenant_id AND t.channel <> 'direct'
        WHERE s.trial AND s.starts_at >= ${first}
        UNION ALL
        -- a Stripe subscription that began with a trial converted once Stripe charged it: a paid invoice
        -- (its status today says nothing: one paid then cancelled converted, one past due has not)
        SELECT s.starts_at,
               EXISTS (SELECT 1 FROM stripe_invoices i
                       WHERE i.tenant_id = ss.tenant_id AND i.subscription_id = ss.subscription_id AND i.status = 'paid' AND i.amount_paid > 0)
        FROM stripe_subscriptions ss JOIN subscriptions s ON s.tenant_id = ss.tenant_id AND s.instance_id = ss.subscription_id
        WHERE ss.trial_end IS NOT NULL AND s.starts_at >= ${first}
      ) trials
      GROUP BY 1`,
    opsDb.$queryRaw<{ failed: number }[]>`
      SELECT count(*)::int AS failed FROM metering_records WHERE state IN ('dead', 'rejected') AND hour >= now() - interval '30 days'`,
  ]);

  const key = (d: Date) => d.toISOString();
  const zero = () => ({ aliyun: 0, aws: 0, direct: 0 });
  const series = (rows: Counted[]) => {
    const by = new Map(starts.map((s) => [key(s), zero()]));
    const before = zero();
    for (const r of rows) {
      const slot = r.bucket ? by.get(key(r.bucket)) : before;
      if (slot) slot[r.channel] += r.n;
    }
    return { before, by };
  };
  const opened = series(created);
  const gone = series(closed);
  const revenue = new Map(starts.map((s) => [key(s), zero()]));
  for (const r of [...invoiced, ...listed]) {
    const slot = revenue.get(key(r.bucket));
    if (slot) slot[r.channel] += r.cents;
  }
  for (const m of metered) {
    const slot = revenue.get(key(m.bucket));
    if (slot) slot[m.channel] += (metrics[m.metric as MetricId]?.unitPriceCents ?? 0) * m.quantity;
  }
  const trialsBy = new Map(trials.map((r) => [key(r.bucket), r]));
  const running = {
    aliyun: opened.before.aliyun - gone.before.aliyun,
    aws: opened.before.aws - gone.before.aws,
    direct: opened.before.direct - gone.before.direct,
  };
  const points = starts.map((s) => {
    const o = opened.by.get(key(s)) ?? zero();
    const g = gone.by.get(key(s)) ?? zero();
    for (const c of channels) running[c] += o[c] - g[c];
    const r = revenue.get(key(s)) ?? zero();
    const t = trialsBy.get(key(s));
    return {
      start: key(s),
      tenants: { ...running },
      created: o,
      churned: g,
      /** US cents, whole: direct from paid invoices, the marketplaces estimated */
      revenueCents: { aliyun: Math.round(r.aliyun), aws: Math.round(r.aws), direct: Math.round(r.direct) },
      trials: { started: t?.started ?? 0, converted: t?.converted ?? 0 },
    };
  });

  return {
    points,
    expiring: expiring[0] ?? { within7: 0, within30: 0 },
    agents: agents[0] ?? { online: 0, total: 0 },
    meteringFailures: metering[0]?.failed ?? 0,
  };
}
export type Overview = Awaited<ReturnType<typeof readOverview>>;
