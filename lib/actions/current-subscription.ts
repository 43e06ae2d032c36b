import type { TenantTx } from "../db";

/** The subscription that decides the tenant's entitlement: the latest to start. */
export function currentSubscription(tx: TenantTx, tenantId: string) {
  return tx.subscription.findFirst({ where: { tenantId }, orderBy: { startsAt: "desc" } });
}
