import { Prisma, type PrismaClient, platformTransaction } from "../db";
import type { ChannelAnswer, MeteringChannel, RecordToSend } from "./metering-channel";
import { pushDeadline } from "./windows";

export type PushOptions = {
  now: Date;
  /** how long a sent record waits for its answer before it is sent again (same identifiers) */
  leaseMs: number;
  /** records a run claims */
  limit?: number;
};

export type PushReport = { dead: number; sent: number; accepted: number; rejected: number; retry: number };

const maxBackoffMs = 30 * 60_000;

/** 30 s, 1 min, 2 min, … up to 30 min, each ±20 % so retries of many records spread out. */
export function backoffMs(attempts: number, random = Math.random) {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), maxBackoffMs);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * One run of a channel's push, each step its own short transaction and no
 * connection held while the channel is called:
 * 1. records past the channel's window become `dead`, with the reason;
 * 2. due records (pending, or sent and unanswered past their lease) are
 *    claimed: `sent`, attempt counted, leased;
 * 3. the channel is sent them;
 * 4. each answer is written: `accepted` (with the quantity acknowledged),
 *    `rejected` (why), or back to `pending` with a backoff.
 * Every transition is written to metering_log in the same transaction. A
 * worker killed between 2 and 4 leaves `sent` records that the next run
 * sends again with the same identifiers, which the channels take once.
 */
export async function pushDue(platformDb: PrismaClient, channel: MeteringChannel, opts: PushOptions): Promise<PushReport> {
  const { now } = opts;
  const report: PushReport = { dead: 0, sent: 0, accepted: 0, rejected: 0, retry: 0 };
  const oldestHour = new Date(now.getTime() - pushDeadline(channel.channel, 0));
  report.dead = await platformTransaction(platformDb, async (tx) => {
    const [row] = await tx.$queryRaw<{ n: number }[]>`
      WITH dead AS (
        UPDATE metering_records SET state = 'dead', answered_at = ${now},
               reason = concat_ws(': ', 'past the channel''s window', reason)
        WHERE channel = ${channel.channel}::channel AND state IN ('pending', 'sent') AND hour < ${oldestHour}
        RETURNING tenant_id, id, attempts
      ), logged AS (
        INSERT INTO metering_log (tenant_id, record_id, state, detail)
        SELECT tenant_id, id, 'dead', jsonb_build_object('reason', 'past the channel''s window', 'attempts', attempts) FROM dead
      )
      SELECT count(*)::int AS n FROM dead`;
    return row?.n ?? 0;
  });

  const claimed = await claim(platformDb, channel, opts);
  report.sent = claimed.length;
  if (claimed.length === 0) return report;
  let answers: ChannelAnswer[];
  try {
    answers = await channel.send(claimed);
  } catch (err) {
    // a fault of the client itself: every record is tried again later
    answers = claimed.map((r) => ({ id: r.id, outcome: "retry", reason: (err as Error).message }));
  }
  const byId = new Map(claimed.map((r) => [r.id, r]));
  const rows = answers
    .filter((a) => byId.has(a.id))
    .map((a) => {
      const r = byId.get(a.id) as RecordToSend & { attempts: number };
      report[a.outcome]++;
      return {
        id: a.id,
        tenantId: r.tenantId,
        state: a.outcome === "retry" ? "pending" : a.outcome,
        accepted: a.outcome === "accepted" ? a.quantity : null,
        reason: a.outcome === "accepted" ? null : a.reason,
        nextAt: a.outcome === "retry" ? new Date(now.getTime() + backoffMs(r.attempts)).toISOString() : null,
        detail: { ...(("detail" in a && a.detail) || {}), ...(a.outcome !== "accepted" && { reason: a.reason }) },
      };
    });
  await platformTransaction(platformDb, async (tx) => {
    await tx.$executeRaw`
      WITH answered AS (
        UPDATE metering_records m
        SET state = a.state::metering_state, answered_at = ${now}, accepted_quantity = a.accepted::numeric,
            reason = a.reason, next_attempt_at = COALESCE(a."nextAt", m.next_attempt_at)
        FROM json_to_recordset(${JSON.stringify(rows)}::json)
          AS a(id uuid, "tenantId" uuid, state text, accepted text, reason text, "nextAt" timestamptz, detail jsonb)
        WHERE m.tenant_id = a."tenantId" AND m.id = a.id AND m.state = 'sent'
        RETURNING m.tenant_id, m.id, a.state, a.detail
      )
      INSERT INTO metering_log (tenant_id, record_id, state, detail)
      SELECT tenant_id, id, state::metering_state, detail FROM answered`;
  });
  return report;
}

async function claim(platformDb: PrismaClient, channel: MeteringChannel, opts: PushOptions) {
  const { now } = opts;
  const leaseUntil = new Date(now.getTime() + opts.leaseMs);
  const rows = await platformTransaction(
    platformDb,
    (tx) =>
      tx.$queryRaw<RecordRow[]>`
      WITH due AS (
        SELECT tenant_id, channel, metric, hour FROM metering_records
        WHERE channel = ${channel.channel}::channel AND state IN ('pending', 'sent') AND next_attempt_at <= ${now}
        ORDER BY hour, tenant_id LIMIT ${opts.limit ?? 500}
        FOR UPDATE SKIP LOCKED
      ), claimed AS (
        UPDATE metering_records m
        SET state = 'sent', attempts = m.attempts + 1, sent_at = ${now}, next_attempt_at = ${leaseUntil}
        FROM due
        WHERE m.tenant_id = due.tenant_id AND m.channel = due.channel AND m.metric = due.metric AND m.hour = due.hour
        RETURNING m.tenant_id, m.id, m.metric, m.dimension, m.hour, m.quantity, m.attempts
      ), logged AS (
        INSERT INTO metering_log (tenant_id, record_id, state, detail)
        SELECT tenant_id, id, 'sent', jsonb_build_object('attempt', attempts) FROM claimed
      )
      SELECT c.tenant_id, c.id, c.metric, c.dimension, c.hour, c.quantity::text AS quantity, c.attempts, ${billingTarget}
      FROM claimed c ${billingTargetJoin}
      ORDER BY c.tenant_id, c.hour, c.metric`,
  );
  return rows.map(recordToSend);
}

export type RecordRow = {
  tenant_id: string;
  id: string;
  metric: string;
  dimension: string;
  hour: Date;
  quantity: string;
  attempts: number;
  account: string;
  instance_id: string | null;
  customer_ref: string | null;
};

/** Who a metering record `c` bills: the tenant's account and its latest subscription's instance and customer. */
export const billingTarget = Prisma.sql`t.external_id AS account, s.instance_id, s.customer_ref`;
export const billingTargetJoin = Prisma.sql`
  JOIN tenants t ON t.id = c.tenant_id
  LEFT JOIN LATERAL (
    SELECT instance_id, customer_ref FROM subscriptions WHERE tenant_id = c.tenant_id ORDER BY starts_at DESC LIMIT 1
  ) s ON true`;

export function recordToSend(r: RecordRow): RecordToSend & { attempts: number } {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    metric: r.metric,
    dimension: r.dimension,
    hour: r.hour,
    quantity: r.quantity,
    attempts: r.attempts,
    target: { account: r.account, instanceId: r.instance_id, customerRef: r.customer_ref },
  };
}
