import type { Prisma } from "../db";

type Tx = Prisma.TransactionClient;

/**
 * The tenant of (channel, account), created if new. One statement that
 * cannot lose a race: concurrent first purchases of one account (each with
 * its own order) all find the same tenant, none fails on the unique key.
 */
export async function ensureTenant(tx: Tx, channel: "aliyun" | "aws", externalId: string, displayName: string) {
  await tx.$executeRaw`
    INSERT INTO tenants (channel, external_id, display_name) VALUES (${channel}::channel, ${externalId}, ${displayName})
    ON CONFLICT (channel, external_id) DO NOTHING`;
  return tx.tenant.findUniqueOrThrow({ where: { channel_externalId: { channel, externalId } } });
}

/** The account's main identity as the tenant's owner, recorded once (race-free, as above). */
export async function ensureOwner(tx: Tx, tenantId: string, uid: string, name: string) {
  await tx.$executeRaw`
    INSERT INTO memberships (tenant_id, uid, role, name) VALUES (${tenantId}::uuid, ${uid}, 'owner', ${name})
    ON CONFLICT (tenant_id, uid) DO NOTHING`;
}
export type SubscriptionRef = { tenantId: string; id: string; instanceId: string | null };

/** One line of the console's order history. */
export function recordOrder(
  tx: Tx,
  sub: SubscriptionRef,
  action: string,
  o: { orderId?: string | undefined; sku?: string | undefined; expiresAt?: Date | null },
) {
  return tx.marketplaceOrder.create({
    data: {
      tenantId: sub.tenantId,
      instanceId: sub.instanceId as string,
      action,
      orderId: o.orderId ?? null,
      sku: o.sku ?? null,
      expiresAt: o.expiresAt ?? null,
    },
  });
}

/** Active while any subscription is current; closed once all are released; frozen otherwise. */
export async function refreshTenantStatus(tx: Tx, tenantId: string, now: Date) {
  const subs = await tx.subscription.findMany({ where: { tenantId }, select: { status: true, expiresAt: true } });
  const current = subs.some((s) => s.status === "active" && (s.expiresAt === null || s.expiresAt > now));
  const released = subs.every((s) => s.status === "cancelled");
  const status = current ? "active" : released ? "closed" : "frozen";
  const { closedAt } = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { closedAt: true } });
  // the grace period runs from the first release, not from a repeated one
  await tx.tenant.update({ where: { id: tenantId }, data: { status, closedAt: status === "closed" ? (closedAt ?? now) : null } });
}
