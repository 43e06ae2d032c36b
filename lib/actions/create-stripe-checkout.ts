import { createHash } from "node:crypto";
import type Stripe from "stripe";
import { z } from "zod";
import { planById, planIds } from "../billing";
import { GatewayError, invalid, managers } from "../gateway";
import { defineAction } from "./services";
import { liveStripeStatuses, stripeSubscriptionsOf } from "./stripe-lookups";

const checkoutReuseMs = 30 * 60_000;

/**
 * A Stripe Checkout Session for a plan (direct tenants): the buyer pays on
 * Stripe's page, and the webhook makes the subscription. The catalogue's trial
 * only for a tenant's first plan of any kind; a tenant Stripe still bills goes to the portal instead.
 */
export const createStripeCheckout = defineAction({
  name: "CreateStripeCheckout",
  params: z.strictObject({ plan: z.enum(planIds) }),
  roles: managers,
  mutates: false,
  async prepare({ tenantId, services, read }, { plan: planId }) {
    const plan = planById(planId);
    const stripe = services.stripe;
    if (!plan || !stripe) throw new GatewayError("ServiceUnavailable", "Direct sales are not configured.");
    const [tenant, subs] = await read(async (tx) => [
      (
        await tx.query<{
          channel: string;
          email: string | null;
          hadPlan: boolean;
        }>`SELECT channel, contact_email AS email, EXISTS (SELECT 1 FROM subscriptions s WHERE s.tenant_id = t.id) AS "hadPlan"
           FROM tenants t WHERE id = ${tenantId}`
      )[0],
      await stripeSubscriptionsOf(tx, tenantId),
    ]);
    if (tenant?.channel !== "direct") throw invalid("Only direct tenants buy through Stripe; buy on your marketplace's listing.");
    if (subs.some((s) => liveStripeStatuses.has(s.status)))
      throw invalid("A subscription is already billed: change it in the billing portal.");
    const unreachable = () => new GatewayError("ServiceUnavailable", "Stripe could not be reached: try again in a minute.");
    let price: Stripe.Price | undefined;
    try {
      price = (await stripe.prices.list({ lookup_keys: [plan.stripePrice], active: true })).data[0];
    } catch {
      throw unreachable();
    }
    // the catalogue's price missing at Stripe is a set-up fault (an internal error, logged), not Stripe being away
    if (!price) throw new Error(`no Stripe price with lookup key ${plan.stripePrice}: create it as docs/billing.md says`);
    try {
      const customer = subs[0]?.customerId;
      // a trial is for a tenant's first plan: not after a Stripe subscription, nor after one granted outside Stripe
      const trial = subs.length === 0 && !tenant.hadPlan ? plan.trialDays : 0;
      const back = `${services.publicUrl}/console/billing`;
      const params: Stripe.Checkout.SessionCreateParams = {
        mode: "subscription",
        line_items: [{ price: price.id, quantity: 1 }],
        ...(customer ? { customer } : tenant.email ? { customer_email: tenant.email } : {}),
        client_reference_id: tenantId,
        metadata: { tenant_id: tenantId, plan: plan.id },
        subscription_data: {
          metadata: { tenant_id: tenantId, plan: plan.id },
          ...(trial > 0 && { trial_period_days: trial }),
        },
        success_url: `${back}?checkout=done`,
        cancel_url: back,
      };
      // the same session asked again within half an hour (a second tab, a double click) is the same
      // session, so that it cannot be paid twice into two subscriptions; different parameters, another key
      const digest = createHash("sha256").update(JSON.stringify(params)).digest("base64url").slice(0, 22);
      const window = Math.floor(services.now().getTime() / checkoutReuseMs);
      const session = await stripe.checkout.sessions.create(params, { idempotencyKey: `skyport-checkout-${tenantId}-${digest}-${window}` });
      if (!session.url) throw new Error("Checkout Session without a URL");
      return { url: session.url };
    } catch {
      throw unreachable();
    }
  },
  async handler(_ctx, _params, prepared) {
    return prepared;
  },
});
