import { LRUCache } from "lru-cache";
import type pg from "pg";
import type { ChannelName } from "../config";
import { type Account, type Statement, sql, tenantIdsOf } from "../db";
import type { Role } from "./action";

/** The key of a marketplace account, which is what a tenant is: for the id cache and the rate limiter. */
export const accountKey = (channel: ChannelName, parentUid: string) => `${channel}\u0000${parentUid}`;

/**
 * (channel, parentUid) → tenant id, for the accounts called most recently.
 * The mapping never changes while the tenant exists, so it is cached;
 * everything that does change (status, subscription, membership) is read
 * fresh inside the request's scope. Least recently used ids make room for new
 * ones one at a time, so a cache that is full stays full instead of emptying
 * at once.
 *
 * A miss costs no query of its own where the scope's first statement can
 * resolve the account (TenantRef). Where the handler's first statement needs
 * the id (a main account's read travels with it), `lookup` asks for it: the
 * lookups of one event-loop turn share one statement, so under load a miss
 * costs a fraction of a round trip, not one.
 */
export function createTenantCache(pool: pg.Pool, maxEntries: number) {
  const ids = new LRUCache<string, string>({ max: maxEntries });
  type Waiting = Map<string, { account: Account; settle: Settle[] }>;
  // one lookup in flight at a time: the misses that arrive meanwhile go together in the next
  let next: Waiting | undefined;
  let inFlight = false;

  async function lookUp(batch: Waiting) {
    inFlight = true;
    const entries = [...batch.values()];
    try {
      const found = await tenantIdsOf(
        pool,
        entries.map((e) => e.account),
      );
      entries.forEach((e, i) => {
        for (const s of e.settle) s.resolve(found[i] ?? undefined);
      });
    } catch (err) {
      for (const e of entries) for (const s of e.settle) s.reject(err);
    } finally {
      inFlight = false;
      const queued = next;
      next = undefined;
      if (queued) void lookUp(queued);
    }
  }

  return {
    get: (key: string): string | undefined => ids.get(key),
    /** only ids read under the tenant's own scope or looked up: an account without a tenant is not cached (it may buy any moment) */
    remember: (key: string, tenantId: string) => ids.set(key, tenantId),
    /** after a tenant is found missing (released and purged) */
    forget: (key: string) => ids.delete(key),
    lookup(key: string, account: Account): Promise<string | undefined> {
      if (!next) {
        const batch: Waiting = new Map();
        next = batch;
        // the rest of this turn's misses join it; later ones wait for the lookup in flight
        setImmediate(() => {
          if (inFlight || next !== batch) return;
          next = undefined;
          void lookUp(batch);
        });
      }
      const entry = next.get(key) ?? { account, settle: [] };
      next.set(key, entry);
      return new Promise((resolve, reject) => entry.settle.push({ resolve, reject }));
    },
  };
}

type Settle = { resolve: (id: string | undefined) => void; reject: (err: unknown) => void };

export type CallerContext = {
  id: string;
  status: "active" | "frozen" | "closed";
  /** an ISV admin suspended the tenant: its mutations are refused whatever its subscription */
  suspended: boolean;
  /** the caller's recorded membership role, if any */
  memberRole: Role | null;
  subscriptionStatus: "active" | "expired" | "cancelled" | null;
  expiresAt: Date | null;
};

/**
 * The tenant's id and state and the caller's membership, read under row-level
 * security for the tenant the scope set (by id, or by account when the id was
 * not cached): one row, or none if there is no such tenant.
 */
export function callerContextQuery(uid: string): Statement {
  return sql`
    SELECT t.id, t.status, t.suspended_at IS NOT NULL AS suspended, m.role AS "memberRole", s.status AS "subscriptionStatus", s.expires_at AS "expiresAt"
    FROM tenants t
    LEFT JOIN memberships m ON m.tenant_id = t.id AND m.uid = ${uid}
    LEFT JOIN LATERAL (
      SELECT status, expires_at FROM subscriptions
      WHERE tenant_id = t.id ORDER BY starts_at DESC LIMIT 1
    ) s ON true
    WHERE t.id = NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
}

/**
 * Only the tenant the scope set, or no row: all a main account's read needs of
 * its context (the owner by its signed userinfo; a read needs no entitlement),
 * and one index lookup where the full context takes three.
 */
export function scopedTenantQuery(): Statement {
  return sql`SELECT t.id FROM tenants t WHERE t.id = NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
}

/** State-changing actions need an active tenant with a current subscription. */
export function isEntitled(c: CallerContext, now: Date): boolean {
  return c.status === "active" && c.subscriptionStatus === "active" && (c.expiresAt === null || c.expiresAt.getTime() > now.getTime());
}
