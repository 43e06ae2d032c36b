import { z } from "zod";
import { metricById, metrics } from "./metrics";
import type { BillingChannel } from "./plans";
import { UsageError } from "./usage-error";
import { futureSkewMs, oldestBillable } from "./windows";

export const maxEvents = 1000;
export const maxBodyBytes = 1 << 20;

/** Why one event was not recorded (usage-and-billing.md §1). */
export type EventCode = "UnknownMetric" | "InvalidQuantity" | "OutOfWindow" | "TenantNotFound" | "IdempotencyConflict";
export type Rejected = { index: number; code: EventCode; message: string };

/** An event that passed every check the request alone can make: what the ledger gets. */
export type UsageRow = {
  index: number;
  channel: BillingChannel;
  account: string;
  metric: string;
  /** as the ledger stores it: numeric(20, 6), in text */
  quantity: string;
  occurredAt: Date;
  idempotencyKey: string;
};

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !s.includes("\u0000"), "must not contain NUL");

const bodySchema = z.strictObject({
  events: z
    .array(
      z.object({
        tenant: z.object({ marketplace: z.enum(["aliyun", "aws", "direct"]), parentUid: text(128) }),
        // any text: one the catalogue does not declare refuses that event (UnknownMetric), not the request
        metric: z.string(),
        // checked per event: a bad quantity refuses that event, not the request
        quantity: z.unknown(),
        occurredAt: z.string().regex(rfc3339, "must be an RFC 3339 time such as 2026-11-30T06:12:00Z"),
        idempotencyKey: text(128),
      }),
    )
    .max(maxEvents, `at most ${maxEvents} events a request`),
});

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The body's events, or InvalidParameter naming the first thing wrong. */
export function parseEvents(body: Buffer) {
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(body));
  } catch {
    throw new UsageError("InvalidParameter", "the body is not UTF-8 JSON");
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError("InvalidParameter", `${issue?.path.join(".") || "body"}: ${issue?.message}`);
  }
  return parsed.data.events;
}

const maxQuantity = 1e14; // numeric(20, 6)

/**
 * Sorts the events into rows for the ledger and refusals the request alone
 * decides (metric, quantity); the ledger decides the rest (tenant,
 * idempotency). An event outside its channel's window is `late`: refused as
 * OutOfWindow unless the ledger holds its key already, for the same key sent
 * again is a duplicate, not an error, however late the retry. An idempotency
 * key repeated within the request is checked against its first use here, so
 * the ledger sees each key once.
 */
export function checkEvents(events: ReturnType<typeof parseEvents>, now: number) {
  const rows: UsageRow[] = [];
  const rejected: Rejected[] = [];
  const late: { row: UsageRow; refusal: Rejected }[] = [];
  const repeats: { row: UsageRow; first: UsageRow }[] = [];
  const firstOf = new Map<string, UsageRow>();
  for (const [index, e] of events.entries()) {
    const metric = metricById(e.metric);
    if (!metric) {
      // the name is not echoed (it may be any text, of any length)
      rejected.push({ index, code: "UnknownMetric", message: `not a metric of the catalogue (${Object.keys(metrics).join(", ")})` });
      continue;
    }
    const q = e.quantity;
    if (typeof q !== "number" || !Number.isFinite(q) || q < 0 || q >= maxQuantity || (metric.integer && !Number.isInteger(q))) {
      const what = metric.integer ? "a whole number, 0 or more" : "a number, 0 or more";
      rejected.push({ index, code: "InvalidQuantity", message: `quantity of ${e.metric} must be ${what}` });
      continue;
    }
    const at = Date.parse(e.occurredAt);
    // shaped like a time but none (a 13th month): malformed, like any other wrong shape
    if (Number.isNaN(at)) throw new UsageError("InvalidParameter", `events.${index}.occurredAt: not a valid time`);
    const channel = e.tenant.marketplace;
    const row: UsageRow = {
      index,
      channel,
      account: e.tenant.parentUid,
      metric: e.metric,
      quantity: q.toFixed(6),
      occurredAt: new Date(at),
      idempotencyKey: e.idempotencyKey,
    };
    if (at > now + futureSkewMs) {
      late.push({ row, refusal: { index, code: "OutOfWindow", message: "occurredAt is more than 5 minutes in the future" } });
      continue;
    }
    if (at < oldestBillable(channel, now)) {
      late.push({
        row,
        refusal: { index, code: "OutOfWindow", message: `occurredAt is older than the ${channel} channel can still bill` },
      });
      continue;
    }
    const key = `${channel}\u0000${row.account}\u0000${row.idempotencyKey}`;
    const first = firstOf.get(key);
    if (first) repeats.push({ row, first });
    else {
      firstOf.set(key, row);
      rows.push(row);
    }
  }
  return { rows, rejected, late, repeats };
}

/** Whether a stored event says what `row` says (the same key sent again), or conflicts with it; quantities as numeric(20, 6) prints them. */
export function sameEvent(stored: { metric: string; quantity: string; occurredAt: Date }, row: UsageRow) {
  return stored.metric === row.metric && stored.quantity === row.quantity && stored.occurredAt.getTime() === row.occurredAt.getTime();
}
