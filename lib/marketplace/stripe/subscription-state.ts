import type Stripe from "stripe";
import { type Plan, planForStripePrice } from "../../billing";

/** Days a direct tenant stays entitled past the paid period, while Stripe renews (its events may lag). */
export const renewalGraceDays = 3;

export type DirectSubscriptionState = {
  plan: Plan;
  /** the Stripe price's lookup key, stored as the subscription's SKU */
  price: string;
  status: "active" | "expired" | "cancelled";
  trial: boolean;
  startsAt: Date;
  /** the entitlement's end: the paid (or trial) period plus the grace days; the end itself once cancelled */
  expiresAt: Date | null;
  currentPeriodEnd: Date | null;
  trialEnd: Date | null;
};

const at = (s: number | null | undefined) => (typeof s === "number" ? new Date(s * 1000) : null);
const days = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/**
 * What Stripe's state of a subscription means for the tenant (docs/billing.md):
 *
 * | Stripe                          | subscription | tenant                      |
 * |---------------------------------|--------------|-----------------------------|
 * | trialing, active                | active       | active                      |
 * | past_due (Stripe is retrying)   | active       | active; the console warns   |
 * | unpaid, paused, incomplete      | expired      | frozen (reads only)         |
 * | canceled, incomplete_expired    | cancelled    | closed when none is current |
 *
 * Undefined when the price is none of the catalogue's: nothing is changed.
 */
export function directSubscriptionState(sub: Stripe.Subscription): DirectSubscriptionState | undefined {
  const item = sub.items.data[0];
  const price = item?.price.lookup_key;
  const plan = price ? planForStripePrice(price) : undefined;
  if (!item || !price || !plan) return undefined;
  const currentPeriodEnd = at(item.current_period_end);
  const trialEnd = at(sub.trial_end);
  const status =
    sub.status === "trialing" || sub.status === "active" || sub.status === "past_due"
      ? "active"
      : sub.status === "canceled" || sub.status === "incomplete_expired"
        ? "cancelled"
        : "expired";
  const end = at(sub.ended_at) ?? at(sub.canceled_at);
  const expiresAt = status === "active" ? currentPeriodEnd && days(currentPeriodEnd, renewalGraceDays) : (end ?? currentPeriodEnd);
  return {
    plan,
    price,
    status,
    trial: sub.status === "trialing",
    startsAt: at(sub.start_date) ?? new Date(0),
    expiresAt,
    currentPeriodEnd,
    trialEnd,
  };
}

/** The subscription an event is about: the subscription itself, a Checkout Session's, or an invoice's. */
export function subscriptionIdOf(event: Stripe.Event): string | undefined {
  const object = event.data.object as unknown as Record<string, unknown>;
  const ref = (v: unknown) => (typeof v === "string" ? v : typeof v === "object" && v && "id" in v ? String(v.id) : undefined);
  if (event.type.startsWith("customer.subscription.")) return ref(object.id);
  if (event.type === "checkout.session.completed") return ref(object.subscription);
  if (event.type.startsWith("invoice.")) {
    const parent = object.parent as { subscription_details?: { subscription?: unknown } } | null | undefined;
    // API versions before 2025-03-31 put it on the invoice itself
    return ref(parent?.subscription_details?.subscription) ?? ref(object.subscription);
  }
  return undefined;
}
