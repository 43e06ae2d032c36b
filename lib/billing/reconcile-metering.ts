import type { PrismaClient } from "../db";
import type { MeteringChannel } from "./metering-channel";
import { billingTarget, billingTargetJoin, type RecordRow, recordToSend } from "./metering-push";

const minuteMs = 60_000;

/**
 * Asks a channel that can say (MeteringChannel.recorded) what it holds for
 * the records it accepted 10 minutes to 48 hours ago (it may count a few
 * minutes late), and writes the answer beside what it acknowledged: each
 * record once, and again hourly while the two disagree. No connection is
 * held while the channel is asked.
 */
export async function reconcileMetering(
  platformDb: PrismaClient,
  channel: MeteringChannel,
  now: Date,
): Promise<{ checked: number; mismatched: number }> {
  if (!channel.recorded) return { checked: 0, mismatched: 0 };
  const rows = await platformDb.$queryRaw<RecordRow[]>`
    SELECT c.tenant_id, c.id, c.metric, c.dimension, c.hour, c.quantity::text AS quantity, c.attempts, ${billingTarget}
    FROM metering_records c ${billingTargetJoin}
    WHERE c.channel = ${channel.channel}::channel AND c.state = 'accepted'
      AND c.answered_at BETWEEN ${new Date(now.getTime() - 48 * 60 * minuteMs)} AND ${new Date(now.getTime() - 10 * minuteMs)}
      AND (c.reconciled_at IS NULL
           OR (c.channel_quantity IS DISTINCT FROM c.accepted_quantity AND c.reconciled_at < ${new Date(now.getTime() - 60 * minuteMs)}))
    ORDER BY c.answered_at LIMIT 500`;
  if (rows.length === 0) return { checked: 0, mismatched: 0 };
  const records = rows.map(recordToSend);
  const held = await channel.recorded(records);
  const answers = records.map((r) => ({ tenantId: r.tenantId, id: r.id, quantity: held.get(r.id) ?? 0 }));
  const [row] = await platformDb.$queryRaw<{ mismatched: number }[]>`
    WITH reconciled AS (
      UPDATE metering_records m SET channel_quantity = a.quantity, reconciled_at = ${now}
      FROM json_to_recordset(${JSON.stringify(answers)}::json) AS a("tenantId" uuid, id uuid, quantity numeric)
      WHERE m.tenant_id = a."tenantId" AND m.id = a.id
      RETURNING m.channel_quantity IS DISTINCT FROM m.accepted_quantity AS mismatched
    )
    SELECT count(*) FILTER (WHERE mismatched)::int AS mismatched FROM reconciled`;
  return { checked: records.length, mismatched: row?.mismatched ?? 0 };
}
