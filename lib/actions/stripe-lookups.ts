import type { TenantTx } from "../db";

export type StripeSubscriptionRow = {
  subscriptionId: string;
  customerId: string;
  status: string;
  plan: string | null;
  currentPeriodEnd: Date | null;
  trialEnd: Date | null;
  cancelAtPeriodEnd: boolean;
};

/** The tenant's Stripe subscriptions as last read from Stripe, newest first (the webhook writes them). */
export function stripeSubscriptionsOf(tx: TenantTx, tenantId: string) {
  return tx.query<StripeSubscriptionRow>`
    SELECT subscription_id AS "subscriptionId", customer_id AS "customerId", status, plan,
           current_period_end AS "currentPeriodEnd", trial_end AS "trialEnd", cancel_at_period_end AS "cancelAtPeriodEnd"
    FROM stripe_subscriptions WHERE tenant_id = ${tenantId}
    ORDER BY synced_at DESC LIMIT 20`;
}

/** Stripe statuses that still bill the customer: a second Checkout would charge twice. */
export const liveStripeStatuses: ReadonlySet<string> = new Set(["trialing", "active", "past_due", "unpaid", "paused", "incomplete"]);
