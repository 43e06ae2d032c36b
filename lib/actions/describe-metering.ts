import { z } from "zod";
import { futureSkewMs, oldestBillable } from "../billing";
import { anyRole } from "../gateway";
import { defineAction } from "./services";

const hourMs = 3_600_000;

/** The product's own reasons, kept whole; anything else a channel said is cut to its code (a transport error can name internal hosts). */
const productReason = /^(past the channel's window|the tenant has no [\w ]+ to bill|UnprocessedRecords)/;

function reasonForBuyer(reason: string | null): string | null {
  if (!reason) return null;
  return reason.match(productReason)?.[0] ?? reason.match(/^[A-Z][\w.]+(?=$|[:\s])/)?.[0] ?? "channel error";
}

type Row = {
  hour: Date;
  metric: string;
  ledger: string | null;
  dimension: string | null;
  quantity: string | null;
  state: string | null;
  accepted: string | null;
  recorded: string | null;
  reason: string | null;
  attempts: number | null;
  sentAt: Date | null;
  answeredAt: Date | null;
};

/**
 * Reconciliation, per hour (UTC, by when usage was recorded: the hour a
 * record bills) and metric: the ledger's total, what was pushed to the
 * tenant's channel under which dimension, what the channel acknowledged,
 * and what it holds when read back (Stripe); `match` is false wherever they
 * disagree or a record ended rejected or dead. One UTC day, or the last 24 hours.
 */
export const describeMetering = defineAction({
  name: "DescribeMetering",
  params: z.strictObject({ day: z.iso.date().optional() }),
  roles: anyRole,
  mutates: false,
  async handler({ tx, tenantId, caller, services }, params) {
    const to = params.day
      ? new Date(Date.parse(params.day) + 24 * hourMs)
      : new Date(Math.ceil(services.now().getTime() / hourMs) * hourMs);
    const from = new Date(to.getTime() - 24 * hourMs);
    // events are recorded within the channel's window of when they happened (and up to the allowed
    // skew before it): bound the ledger's index by that
    const occurredFrom = new Date(from.getTime() - (to.getTime() - oldestBillable(caller.channel, to.getTime())));
    const rows = await tx.query<Row>`
      WITH ledger AS (
        SELECT date_trunc('hour', recorded_at, 'UTC') AS hour, metric, sum(quantity) AS quantity
        FROM usage_events
        WHERE tenant_id = ${tenantId} AND occurred_at >= ${occurredFrom} AND occurred_at < ${new Date(to.getTime() + futureSkewMs)}
          AND recorded_at >= ${from} AND recorded_at < ${to}
        GROUP BY 1, 2
      ), records AS (
        SELECT * FROM metering_records WHERE tenant_id = ${tenantId} AND hour >= ${from} AND hour < ${to}
      )
      SELECT COALESCE(l.hour, r.hour) AS hour, COALESCE(l.metric, r.metric) AS metric, l.quantity::text AS ledger,
             r.dimension, r.quantity::text AS quantity, r.state::text AS state, r.accepted_quantity::text AS accepted,
             r.channel_quantity::text AS recorded, r.reason, r.attempts, r.sent_at AS "sentAt", r.answered_at AS "answeredAt"
      FROM ledger l FULL JOIN records r ON r.hour = l.hour AND r.metric = l.metric
      ORDER BY 1 DESC, 2`;
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      channel: caller.channel,
      hours: rows.map((r) => {
        const ledger = Number(r.ledger ?? 0);
        const pushed = r.quantity === null ? null : Number(r.quantity);
        const accepted = r.accepted === null ? null : Number(r.accepted);
        const recorded = r.recorded === null ? null : Number(r.recorded);
        return {
          hour: r.hour.toISOString(),
          metric: r.metric,
          ledger,
          dimension: r.dimension,
          pushed,
          state: r.state,
          accepted,
          recorded,
          reason: reasonForBuyer(r.reason),
          attempts: r.attempts ?? 0,
          sentAt: r.sentAt?.toISOString() ?? null,
          answeredAt: r.answeredAt?.toISOString() ?? null,
          // no record: the channel does not bill the metric, or the hour is not summed yet
          match:
            r.state === null
              ? null
              : r.state === "rejected" || r.state === "dead"
                ? false
                : pushed === ledger && (r.state !== "accepted" || accepted === pushed),
        };
      }),
    };
  },
});
