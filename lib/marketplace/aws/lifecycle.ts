import { awsSubscriptionWithoutContract, planForSku } from "../../billing";
import type { Prisma } from "../../db";
import { NotReadyYet } from "../inbox";
import { recordOrder, refreshTenantStatus } from "../tenant-state";
import type { AwsEntitlement, AwsMarketplaceApi } from "./aws-api";

type Tx = Prisma.TransactionClient;
export type AwsDeps = { api: AwsMarketplaceApi; productCode: string; now: () => Date };

/** Lifecycle actions that re-read the buyer's entitlements (before any transaction opens). */
export const needsEntitlements = (action: string) => action === "subscribe-success" || action === "entitlement-updated";

/** Who a notification is about: newer listings give the account, older ones the CustomerIdentifier. */
export type AwsCustomerKey = { accountId?: string | undefined; customerIdentifier?: string | undefined };

export const customerKey = (c: AwsCustomerKey) => (c.accountId ? `acct:${c.accountId}` : `cust:${c.customerIdentifier}`);

/** The plan a set of entitlements buys: the first dimension in the catalog; a SaaS subscription without a contract gets standard. */
export function planFromEntitlements(entitlements: AwsEntitlement[]) {
  for (const e of entitlements) {
    const plan = planForSku("aws", e.dimension);
    if (plan) return { plan, sku: e.dimension, expiresAt: e.expiresAt };
  }
  return { ...awsSubscriptionWithoutContract, expiresAt: null };
}

async function findSubscription(tx: Tx, who: AwsCustomerKey) {
  const sub = who.accountId
    ? await tx.subscription.findFirst({ where: { tenant: { channel: "aws", externalId: who.accountId } }, orderBy: { startsAt: "desc" } })
    : await tx.subscription.findFirst({
        where: { customerRef: who.customerIdentifier ?? "", tenant: { channel: "aws" } },
        orderBy: { startsAt: "desc" },
      });
  if (!sub) throw new NotReadyYet(); // the buyer has not registered yet: applied when they do
  return sub;
}

/**
 * Applies one SNS lifecycle action to the buyer's subscription (idempotent),
 * inside the inbox row's transaction. `entitlements` were read from AWS
 * before it opened (undefined when the buyer's account was not known then).
 */
export async function applyAwsEvent(tx: Tx, now: Date, action: string, who: AwsCustomerKey, entitlements: AwsEntitlement[] | undefined) {
  const sub = await findSubscription(tx, who);
  const key = { tenantId_id: { tenantId: sub.tenantId, id: sub.id } };
  // the history keeps what the entitlements said, so that a plan's change dates from its order (the admin's revenue)
  let named: { sku?: string; expiresAt?: Date | null } = {};
  if (needsEntitlements(action)) {
    if (!entitlements) throw new NotReadyYet(); // read again on the next delivery
    const { plan, sku, expiresAt } = planFromEntitlements(entitlements);
    await tx.subscription.update({
      where: key,
      data: { plan: plan.id, sku, expiresAt, ...(action === "subscribe-success" && { status: "active" }) },
    });
    named = { sku, expiresAt };
  } else if (action === "subscribe-fail" || action === "unsubscribe-success") {
    await tx.subscription.update({ where: key, data: { status: "cancelled" } });
  } else if (action !== "unsubscribe-pending") {
    return { success: false, message: `unknown action ${action}` };
  }
  // unsubscribe-pending changes nothing yet: final usage may still be sent for an hour
  await recordOrder(tx, sub, action, named);
  await refreshTenantStatus(tx, sub.tenantId, now);
  return { success: true };
}
