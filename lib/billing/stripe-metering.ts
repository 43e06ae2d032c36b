import type Stripe from "stripe";
import type { ChannelAnswer, MeteringChannel, RecordToSend } from "./metering-channel";

/** Stripe errors worth another try later: rate limits, Stripe's own faults, no connection. */
const transient = new Set(["StripeRateLimitError", "StripeAPIError", "StripeConnectionError"]);

/**
 * Direct sales' side of the metering push: one Stripe meter event per
 * record (event name = the metric's meter, value = the quantity, timestamp =
 * the hour), its `identifier` the record's id, so a retry is not counted
 * twice (Stripe keeps the first). Sent a few at a time.
 */
export function stripeMetering(stripe: Pick<Stripe, "billing">): MeteringChannel {
  /** Stripe's summary of the customer's events on the record's meter in its hour: what Stripe will bill. */
  async function recorded(records: RecordToSend[]) {
    const meters = new Map<string, string>();
    for await (const m of stripe.billing.meters.list({ status: "active", limit: 100 })) meters.set(m.event_name, m.id);
    const held = new Map<string, number>();
    for (const r of records) {
      const meter = meters.get(r.dimension);
      if (!meter || !r.target.customerRef) continue;
      const start = Math.floor(r.hour.getTime() / 1000);
      let value = 0;
      for await (const s of stripe.billing.meters.listEventSummaries(meter, {
        customer: r.target.customerRef,
        start_time: start,
        end_time: start + 3600,
        value_grouping_window: "hour",
      }))
        value += s.aggregated_value;
      held.set(r.id, value);
    }
    return held;
  }

  async function send(r: RecordToSend): Promise<ChannelAnswer> {
    if (!r.target.customerRef?.startsWith("cus_"))
      return { id: r.id, outcome: "rejected", reason: "the tenant has no Stripe customer to bill" };
    try {
      const event = await stripe.billing.meterEvents.create({
        event_name: r.dimension,
        identifier: r.id,
        timestamp: Math.floor(r.hour.getTime() / 1000),
        payload: { stripe_customer_id: r.target.customerRef, value: String(Number(r.quantity)) },
      });
      return { id: r.id, outcome: "accepted", quantity: event.payload.value ?? r.quantity, detail: { identifier: event.identifier } };
    } catch (err) {
      const e = err as Error & { type?: string; code?: string };
      const reason = `${e.type ?? e.name}${e.code ? ` ${e.code}` : ""}: ${e.message}`;
      return { id: r.id, outcome: transient.has(e.type ?? "") ? "retry" : "rejected", reason };
    }
  }
  return {
    channel: "direct",
    recorded,
    async send(records) {
      const answers: ChannelAnswer[] = [];
      for (let i = 0; i < records.length; i += 8) answers.push(...(await Promise.all(records.slice(i, i + 8).map(send))));
      return answers;
    },
  };
}
