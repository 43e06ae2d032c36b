import { z } from "zod";
import { anyRole } from "../gateway";
import { defineAction } from "./services";
import { stripeSubscriptionsOf } from "./stripe-lookups";

export type StripeInvoiceLine = {
  id: string;
  number: string | null;
  status: string | null;
  currency: string;
  amountDue: number;
  amountPaid: number;
  created: string;
  periodStart: string | null;
  periodEnd: string | null;
  hostedUrl: string | null;
};

const iso = (s: number | null | undefined) => (typeof s === "number" ? new Date(s * 1000).toISOString() : null);

/**
 * A direct tenant's Stripe subscription (as the webhook last wrote it) and its
 * invoices, read from Stripe before any connection is held. Invoices are
 * `null` when Stripe could not be asked; the rest still shows.
 */
export const describeDirectBilling = defineAction({
  name: "DescribeDirectBilling",
  params: z.strictObject({}),
  roles: anyRole,
  mutates: false,
  async prepare({ tenantId, services, read }) {
    const subs = await read((tx) => stripeSubscriptionsOf(tx, tenantId));
    const customer = subs[0]?.customerId;
    if (!customer || !services.stripe) return { subs, invoices: customer ? null : [] };
    try {
      const list = await services.stripe.invoices.list({ customer, limit: 12 });
      const invoices: StripeInvoiceLine[] = list.data.map((i) => ({
        id: i.id as string,
        number: i.number,
        status: i.status,
        currency: i.currency,
        amountDue: i.amount_due,
        amountPaid: i.amount_paid,
        created: iso(i.created) as string,
        periodStart: iso(i.period_start),
        periodEnd: iso(i.period_end),
        hostedUrl: i.hosted_invoice_url ?? null,
      }));
      return { subs, invoices };
    } catch {
      return { subs, invoices: null };
    }
  },
  async handler(_ctx, _params, { subs, invoices }) {
    const current = subs[0];
    return {
      subscription: current
        ? {
            id: current.subscriptionId,
            status: current.status,
            plan: current.plan,
            currentPeriodEnd: current.currentPeriodEnd?.toISOString() ?? null,
            trialEnd: current.trialEnd?.toISOString() ?? null,
            cancelAtPeriodEnd: current.cancelAtPeriodEnd,
          }
        : null,
      invoices,
    };
  },
});
