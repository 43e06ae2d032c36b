import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { plans } from "../../billing";
import { directSubscriptionState, renewalGraceDays, subscriptionIdOf } from "./subscription-state";

const start = 1_790_000_000;
const periodEnd = start + 30 * 86_400;
const subscription = (status: string, over: Record<string, unknown> = {}) =>
  ({
    id: "sub_1",
    status,
    start_date: start,
    trial_end: status === "trialing" ? periodEnd : null,
    canceled_at: null,
    ended_at: null,
    items: { data: [{ price: { lookup_key: plans.standard.stripePrice }, current_period_end: periodEnd }] },
    ...over,
  }) as unknown as Stripe.Subscription;

describe("what Stripe's subscription status means for the tenant", () => {
  it.each([
    ["trialing", "active", true],
    ["active", "active", false],
    ["past_due", "active", false],
    ["unpaid", "expired", false],
    ["paused", "expired", false],
    ["incomplete", "expired", false],
    ["canceled", "cancelled", false],
    ["incomplete_expired", "cancelled", false],
  ])("%s → %s", (stripe, status, trial) => {
    expect(directSubscriptionState(subscription(stripe))).toMatchObject({
      status,
      trial,
      plan: plans.standard,
      price: plans.standard.stripePrice,
    });
  });

  it("entitles the paid period plus the grace days, and ends a cancelled one when Stripe ended it", () => {
    expect(directSubscriptionState(subscription("active"))?.expiresAt?.getTime()).toBe((periodEnd + renewalGraceDays * 86_400) * 1000);
    const ended = start + 86_400;
    expect(directSubscriptionState(subscription("canceled", { ended_at: ended }))?.expiresAt?.getTime()).toBe(ended * 1000);
  });

  it("changes nothing for a price the catalogue does not know", () => {
    expect(
      directSubscriptionState(
        subscription("active", { items: { data: [{ price: { lookup_key: "other" }, current_period_end: periodEnd }] } }),
      ),
    ).toBeUndefined();
    expect(directSubscriptionState(subscription("active", { items: { data: [] } }))).toBeUndefined();
  });

  it("finds the subscription of each handled event type, in old and new invoice shapes", () => {
    const event = (type: string, object: object) => ({ type, data: { object } }) as unknown as Stripe.Event;
    expect(subscriptionIdOf(event("customer.subscription.updated", { id: "sub_a" }))).toBe("sub_a");
    expect(subscriptionIdOf(event("checkout.session.completed", { subscription: "sub_b" }))).toBe("sub_b");
    expect(subscriptionIdOf(event("invoice.paid", { parent: { subscription_details: { subscription: "sub_c" } } }))).toBe("sub_c");
    expect(subscriptionIdOf(event("invoice.payment_failed", { subscription: { id: "sub_d" } }))).toBe("sub_d");
    expect(subscriptionIdOf(event("invoice.paid", { parent: null }))).toBeUndefined();
    expect(subscriptionIdOf(event("checkout.session.completed", { subscription: null }))).toBeUndefined();
  });
});
