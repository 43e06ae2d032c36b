import type { Role } from "../actions";
import type { ChannelName } from "../config";
import type { PrismaClient } from "../db";

export type TenantContext = {
  id: string;
  status: "active" | "frozen" | "closed";
  /** the caller's recorded membership role, if any */
  memberRole: Role | null;
  subscriptionStatus: "active" | "expired" | "cancelled" | null;
  expiresAt: Date | null;
};

/**
 * Step 4: (channel, parentUid) → tenant, its current subscription and the
 * caller's membership, in one query. This is the one cross-tenant read on the
 * request path (the tenant is not known yet), hence platformDb.
 */
export async function loadTenantContext(
  platformDb: PrismaClient,
  channel: ChannelName,
  parentUid: string,
  uid: string,
): Promise<TenantContext | undefined> {
  const rows = await platformDb.$queryRaw<TenantContext[]>`
    SELECT t.id, t.status::text AS status, m.role::text AS "memberRole",
           s.status::text AS "subscriptionStatus", s.expires_at AS "expiresAt"
    FROM tenants t
    LEFT JOIN memberships m ON m.tenant_id = t.id AND m.uid = ${uid}
    LEFT JOIN LATERAL (
      SELECT status, expires_at FROM subscriptions
      WHERE tenant_id = t.id ORDER BY starts_at DESC LIMIT 1
    ) s ON true
    WHERE t.channel = ${channel}::channel AND t.external_id = ${parentUid}`;
  return rows[0];
}

/** State-changing actions need an active tenant with a current subscription. */
export function isEntitled(t: TenantContext, now: Date): boolean {
  return t.status === "active" && t.subscriptionStatus === "active" && (t.expiresAt === null || t.expiresAt.getTime() > now.getTime());
}
