import { type PrismaClient, platformTransaction } from "../db";
import { dimensionOf, metricIds } from "./metrics";
import type { BillingChannel } from "./plans";

const hourMs = 3_600_000;
/** An hour is summed this long after it ends: every event recorded in it has committed by then (ingest statements take milliseconds). */
export const closeGraceMs = 2 * 60_000;
/** At most this many hours a run, so a long backlog (a first start) is caught up over a few runs. */
const hoursPerRun = 48;

/** The (channel, metric) pairs a channel bills, with the dimension, from the catalogue. */
const billed = metricIds.flatMap((metric) =>
  (["aliyun", "aws", "direct"] as const satisfies BillingChannel[]).flatMap((channel) => {
    const dimension = dimensionOf(metric, channel);
    return dimension ? [{ channel, metric, dimension }] : [];
  }),
);

/**
 * Sums the ledger into metering records, one hour at a time, for every hour
 * that has closed: per tenant and billed metric, the events recorded in that
 * hour (so a late event joins the hour it arrived in, and each event is
 * counted in exactly one record). Each hour is claimed in `metering_hours`
 * in the transaction that writes its records: summed once, even by two
 * workers at once or a worker killed half-way.
 */
export async function aggregateClosedHours(platformDb: PrismaClient, now: Date): Promise<{ hours: number; records: number }> {
  const lastClosed = Math.floor((now.getTime() - closeGraceMs) / hourMs) * hourMs - hourMs;
  const [start] = await platformDb.$queryRaw<{ next: Date | null }[]>`
    SELECT COALESCE(
      (SELECT max(hour) + interval '1 hour' FROM metering_hours),
      (SELECT date_trunc('hour', min(recorded_at)) FROM usage_events)
    ) AS next`;
  if (!start?.next) return { hours: 0, records: 0 };
  let hours = 0;
  let records = 0;
  for (let hour = start.next.getTime(); hour <= lastClosed && hours < hoursPerRun; hour += hourMs, hours++)
    records += await aggregateHour(platformDb, new Date(hour));
  return { hours, records };
}

/** Sums one hour (the job walks the closed hours with it; tests name an hour). */
export async function aggregateHour(platformDb: PrismaClient, hour: Date): Promise<number> {
  return platformTransaction(
    platformDb,
    async (tx) => {
      // the claim first: a second worker on the same hour waits here, then finds it claimed and sums nothing
      const claimed = await tx.$executeRaw`INSERT INTO metering_hours (hour, records) VALUES (${hour}, 0) ON CONFLICT (hour) DO NOTHING`;
      if (claimed === 0) return 0;
      const [row] = await tx.$queryRaw<{ records: number }[]>`
      WITH sums AS (
        SELECT tenant_id, metric, sum(quantity) AS quantity
        FROM usage_events
        WHERE recorded_at >= ${hour} AND recorded_at < ${hour}::timestamptz + interval '1 hour'
        GROUP BY tenant_id, metric
      ), billed AS (
        SELECT * FROM unnest(${billed.map((b) => b.channel)}::channel[], ${billed.map((b) => b.metric)}::text[], ${billed.map((b) => b.dimension)}::text[])
          AS b(channel, metric, dimension)
      ), records AS (
        INSERT INTO metering_records (tenant_id, channel, metric, hour, dimension, quantity)
        SELECT s.tenant_id, t.channel, s.metric, ${hour}, b.dimension, s.quantity
        FROM sums s JOIN tenants t ON t.id = s.tenant_id JOIN billed b ON b.channel = t.channel AND b.metric = s.metric
        -- a final record made early for an ending AWS agreement (aggregateEndingAgreements) stands
        ON CONFLICT DO NOTHING
        RETURNING tenant_id, id
      ), logged AS (
        INSERT INTO metering_log (tenant_id, record_id, state) SELECT tenant_id, id, 'pending' FROM records
      )
      SELECT count(*)::int AS records FROM records`;
      const n = row?.records ?? 0;
      await tx.$executeRaw`UPDATE metering_hours SET records = ${n} WHERE hour = ${hour}`;
      return n;
    },
    { maxWait: 10_000, timeout: 10 * 60_000 },
  ); // an hour of millions of events takes seconds
}

/** An ending AWS agreement's final record is made this long after the notice: usage until then, pushed with time to spare. */
export const finalRecordAfterMs = 45 * 60_000;

/**
 * AWS takes final usage for one hour after an agreement ends
 * (aws-marketplace.md): the hour that notice fell in would close too late.
 * So 45 minutes after an unsubscribe notice, the tenant's usage recorded so
 * far in the current hour becomes its record for that hour, pushed at once;
 * the hour's regular sum leaves it as it is. Usage recorded after that stays
 * in the ledger, not billed, and shows as a mismatch.
 */
export async function aggregateEndingAgreements(platformDb: PrismaClient, now: Date): Promise<number> {
  const hour = new Date(Math.floor(now.getTime() / hourMs) * hourMs);
  const since = new Date(now.getTime() - hourMs);
  const until = new Date(now.getTime() - finalRecordAfterMs);
  return platformTransaction(platformDb, async (tx) => {
    const [row] = await tx.$queryRaw<{ records: number }[]>`
      WITH ending AS (
        SELECT DISTINCT ON (o.tenant_id) o.tenant_id, o.action, o.at
        FROM marketplace_orders o JOIN tenants t ON t.id = o.tenant_id AND t.channel = 'aws'
        WHERE o.at >= ${since}
        ORDER BY o.tenant_id, o.at DESC
      ), sums AS (
        SELECT e.tenant_id, e.metric, sum(e.quantity) AS quantity
        FROM ending x JOIN usage_events e ON e.tenant_id = x.tenant_id
        WHERE x.action IN ('unsubscribe-pending', 'unsubscribe-success') AND x.at <= ${until}
          AND e.recorded_at >= ${hour} AND e.recorded_at < ${now}
        GROUP BY e.tenant_id, e.metric
      ), records AS (
        INSERT INTO metering_records (tenant_id, channel, metric, hour, dimension, quantity)
        SELECT s.tenant_id, 'aws', s.metric, ${hour}, b.dimension, s.quantity
        FROM sums s JOIN unnest(${billed.filter((b) => b.channel === "aws").map((b) => b.metric)}::text[], ${billed.filter((b) => b.channel === "aws").map((b) => b.dimension)}::text[])
          AS b(metric, dimension) ON b.metric = s.metric
        ON CONFLICT DO NOTHING
        RETURNING tenant_id, id
      ), logged AS (
        INSERT INTO metering_log (tenant_id, record_id, state, detail)
        SELECT tenant_id, id, 'pending', '{"final": true}' FROM records
      )
      SELECT count(*)::int AS records FROM records`;
    return row?.records ?? 0;
  });
}
