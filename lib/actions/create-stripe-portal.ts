import { z } from "zod";
import { GatewayError, invalid, managers } from "../gateway";
import { defineAction } from "./services";
import { stripeSubscriptionsOf } from "./stripe-lookups";

/** A Stripe customer portal session (change plan, card, cancel), for a tenant Stripe knows as a customer. */
export const createStripePortal = defineAction({
  name: "CreateStripePortal",
  params: z.strictObject({}),
  roles: managers,
  mutates: false,
  async prepare({ tenantId, services, read }) {
    const customer = (await read((tx) => stripeSubscriptionsOf(tx, tenantId)))[0]?.customerId;
    if (!customer) throw invalid("No Stripe subscription yet: choose a plan first.");
    if (!services.stripe) throw new GatewayError("ServiceUnavailable", "Direct sales are not configured.");
    try {
      const session = await services.stripe.billingPortal.sessions.create({
        customer,
        return_url: `${services.publicUrl}/console/billing`,
      });
      return { url: session.url };
    } catch {
      throw new GatewayError("ServiceUnavailable", "Stripe could not be reached: try again in a minute.");
    }
  },
  async handler(_ctx, _params, prepared) {
    return prepared;
  },
});
