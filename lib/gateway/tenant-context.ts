import type { ChannelName } from "../config";
import { type PrismaClient, type Statement, sql } from "../db";
import type { Role } from "./action";

/**
 * (channel, parentUid) → tenant id. The mapping never changes while the
 * tenant exists, so it is cached; everything that does change (status,
 * subscription, membership) is read fresh inside the request's transaction.
 * This lookup is the one cross-tenant read on the request path (the tenant
 * is not known yet), hence platformDb.
 */
export function createTenantResolver(platformDb: PrismaClient, maxEntries = 100_000) {
  const ids = new Map<string, string>();
  return {
    async resolve(channel: ChannelName, parentUid: string): Promise<string | undefined> {
      const key = `${channel}\u0000${parentUid}`;
      const cached = ids.get(key);
      if (cached) return cached;
      const tenant = await platformDb.tenant.findUnique({
        where: { channel_externalId: { channel, externalId: parentUid } },
        select: { id: true },
      });
      if (!tenant) return undefined; // not cached: a purchase may create it any moment
      if (ids.size >= maxEntries) ids.clear();
      ids.set(key, tenant.id);
      return tenant.id;
    },
    /** after a tenant is deleted (release and purge), or found missing */
    forget(channel: ChannelName, parentUid: string) {
      ids.delete(`${channel}\u0000${parentUid}`);
    },
  };
}

export type CallerContext = {
  status: "active" | "frozen" | "closed";
  /** the caller's recorded membership role, if any */
  memberRole: Role | null;
  subscriptionStatus: "active" | "expired" | "cancelled" | null;
  expiresAt: Date | null;
};

/** The tenant's state and the caller's membership, read under row-level security: one row, or none if the tenant is gone. */
export function callerContextQuery(tenantId: string, uid: string): Statement {
  return sql`
    SELECT t.status, m.role AS "memberRole", s.status AS "subscriptionStatus", s.expires_at AS "expiresAt"
    FROM tenants t
    LEFT JOIN memberships m ON m.tenant_id = t.id AND m.uid = ${uid}
    LEFT JOIN LATERAL (
      SELECT status, expires_at FROM subscriptions
      WHERE tenant_id = t.id ORDER BY starts_at DESC LIMIT 1
    ) s ON true
    WHERE t.id = ${tenantId}`;
}

/** State-changing actions need an active tenant with a current subscription. */
export function isEntitled(c: CallerContext, now: Date): boolean {
  return c.status === "active" && c.subscriptionStatus === "active" && (c.expiresAt === null || c.expiresAt.getTime() > now.getTime());
}
