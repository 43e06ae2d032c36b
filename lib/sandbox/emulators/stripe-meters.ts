import { metricIds, metrics } from "../../billing";
import { answers, type EmulatorAnswer, type Json } from "./stripe-answers";
import { type FormValue, strings, text } from "./stripe-form";

/** One meter event the emulator accepted: what Stripe would bill (`value` summed per meter and customer). */
export type AcceptedMeterEvent = {
  identifier: string;
  eventName: string;
  customer: string;
  value: number;
  /** seconds since the epoch, as sent (or the time received) */
  timestamp: number;
  /** seconds since the epoch, when accepted */
  created: number;
};

/**
 * Stripe's billing meters: one per metric the catalogue bills directly
 * (`billedAs.direct` is the event name), meter events deduplicated by
 * identifier, and the summaries Stripe answers for reading them back.
 */
export function createStripeMeters({ hasCustomer, seconds }: { hasCustomer: (id: string) => boolean; seconds: () => number }) {
  const { id, reply, fail, missing, list } = answers;
  const meterEvents = new Map<string, AcceptedMeterEvent>();
  let duplicateMeterEvents = 0;
  const meters: Json[] = metricIds
    .map((m) => metrics[m].billedAs.direct)
    .filter((name): name is string => Boolean(name))
    .map((eventName) => ({
      id: `mtr_${eventName}`,
      object: "billing.meter",
      event_name: eventName,
      display_name: eventName,
      status: "active",
      customer_mapping: { event_payload_key: "stripe_customer_id", type: "by_id" },
      default_aggregation: { formula: "sum" },
      value_settings: { event_payload_key: "value" },
    }));

  function createMeterEvent(p: Record<string, FormValue>) {
    const eventName = text(p.event_name) ?? "";
    const payload = strings(p.payload);
    const customer = payload.stripe_customer_id ?? "";
    const raw = payload.value ?? "";
    const value = Number(raw);
    if (!meters.some((m) => m.event_name === eventName))
      return fail(400, "invalid_request_error", `No active meter was found for event_name '${eventName}'.`, { param: "event_name" });
    if (!hasCustomer(customer)) return missing("customer", customer);
    if (raw.trim() === "" || !Number.isFinite(value))
      return fail(400, "invalid_request_error", "payload[value] must be a number.", { param: "payload[value]" });
    const timestamp = text(p.timestamp) === undefined ? seconds() : Number(text(p.timestamp));
    if (!Number.isInteger(timestamp) || timestamp < seconds() - 35 * 86_400 || timestamp > seconds() + 300)
      return fail(400, "invalid_request_error", "timestamp must be within the past 35 calendar days or up to 5 minutes in the future.", {
        code: "timestamp_out_of_range",
        param: "timestamp",
      });
    const identifier = text(p.identifier) ?? id("mev");
    const first = meterEvents.get(identifier);
    // a repeated identifier is not counted again (Stripe dedupes within at least 24 hours); the first stands
    if (first) duplicateMeterEvents++;
    else meterEvents.set(identifier, { identifier, eventName, customer, value, timestamp, created: seconds() });
    const kept = first ?? (meterEvents.get(identifier) as AcceptedMeterEvent);
    return reply(200, {
      object: "billing.meter_event",
      created: kept.created,
      event_name: kept.eventName,
      identifier,
      livemode: false,
      payload: { stripe_customer_id: kept.customer, value: String(kept.value) },
      timestamp: kept.timestamp,
    });
  }

  /** Stripe's GET /v1/billing/meters/{id}/event_summaries: customer, start_time, end_time, value_grouping_window (hour|day). */
  function meterSummaries(meterId: string, p: Record<string, FormValue>) {
    const meter = meters.find((m) => m.id === meterId);
    if (!meter) return missing("billing.meter", meterId);
    const customer = text(p.customer);
    const start = Number(text(p.start_time));
    const end = Number(text(p.end_time));
    if (!customer || !Number.isInteger(start) || !Number.isInteger(end) || end <= start)
      return fail(400, "invalid_request_error", "customer, start_time and end_time (start < end) are required.");
    const window = { hour: 3600, day: 86_400 }[text(p.value_grouping_window) ?? ""] ?? end - start;
    const data: Json[] = [];
    for (let from = start; from < end; from += window) {
      const to = Math.min(from + window, end);
      const value = [...meterEvents.values()]
        .filter((e) => e.eventName === meter.event_name && e.customer === customer && e.timestamp >= from && e.timestamp < to)
        .reduce((sum, e) => sum + e.value, 0);
      data.push({
        id: `mtrs_${meter.event_name}_${from}`,
        object: "billing.meter_event_summary",
        aggregated_value: value,
        start_time: from,
        end_time: to,
        meter: meter.id,
        livemode: false,
      });
    }
    return list(`/v1/billing/meters/${meterId}/event_summaries`, data);
  }

  /** `parts`: the path after /v1/billing; undefined for a path that is none of the meters' */
  function route(method: string, parts: string[], p: Record<string, FormValue>): EmulatorAnswer | undefined {
    const [kind, meterId, sub] = parts;
    if (kind === "meter_events" && method === "POST" && !meterId) return createMeterEvent(p);
    if (kind !== "meters" || method !== "GET") return undefined;
    if (!meterId) return list("/v1/billing/meters", meters);
    if (sub === "event_summaries") return meterSummaries(meterId, p);
    if (!sub) {
      const meter = meters.find((m) => m.id === meterId);
      return meter ? reply(200, meter) : missing("billing.meter", meterId);
    }
    return undefined;
  }

  return {
    route,
    accepted: (): AcceptedMeterEvent[] => [...meterEvents.values()],
    duplicates: () => duplicateMeterEvents,
  };
}
