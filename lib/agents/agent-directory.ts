import { LRUCache } from "lru-cache";
import type { SealKey } from "../config";
import type { PrismaClient } from "../db";
import { agentSecret } from "./seal";

/** What the channel knows of an agent between database reads. */
export type KnownAgent = {
  id: string;
  tenantId: string;
  /** derived from the seal key and the generation; undefined when the key is gone */
  secret: string | undefined;
  revoked: boolean;
  /** the hash of the inventory last stored, so an unchanged one is not written again */
  inventoryHash: string | undefined;
  /** the hour (epoch hours) of the last managed-host-hour recorded from this process */
  usageHour: number | undefined;
};

type AgentRow = { id: string; tenantId: string; generation: number; secretKeyId: string; revoked: boolean; inventoryHash: string | null };

/**
 * Agents and their tenants' state, for the channel's hot path, so that a
 * heartbeat costs no database read:
 * - an agent (tenant, secret, revoked) is read once through the platform
 *   role (its tenant is not known before it is) and kept for `agentTtlMs`
 *   (10 minutes, longer than any heartbeat interval); a revocation or
 *   re-enrolment reaches every process at once through `forget` (Postgres
 *   NOTIFY), the TTL only bounds a missed notification;
 * - whether a tenant's agents are paused (its subscription lapsed, or it is
 *   closed or suspended) is kept for `tenantTtlMs` (15 s): one read per tenant,
 *   however many agents it has.
 */
export function createAgentDirectory(deps: {
  platformDb: PrismaClient;
  keys: readonly SealKey[];
  agentTtlMs?: number;
  tenantTtlMs?: number;
  max?: number;
}) {
  const agents = new LRUCache<string, KnownAgent>({ max: deps.max ?? 500_000, ttl: deps.agentTtlMs ?? 600_000 });
  // reads in flight, by agent: concurrent misses share one; a read that a `forget` overtook is not kept
  const loading = new Map<string, Promise<KnownAgent | undefined>>();

  async function load(id: string): Promise<KnownAgent | undefined> {
    const [row] = await deps.platformDb.$queryRaw<AgentRow[]>`
      SELECT id::text, tenant_id::text AS "tenantId", generation, secret_key_id AS "secretKeyId",
             revoked_at IS NOT NULL AS revoked, inventory_hash AS "inventoryHash"
      FROM agents WHERE id = ${id}::uuid`;
    if (!row) return undefined;
    return {
      id: row.id,
      tenantId: row.tenantId,
      secret: agentSecret(deps.keys, row.secretKeyId, row.id, row.generation),
      revoked: row.revoked,
      inventoryHash: row.inventoryHash ?? undefined,
      usageHour: undefined,
    };
  }
  const paused = new LRUCache<string, { paused: boolean }>({
    max: 100_000,
    ttl: deps.tenantTtlMs ?? 15_000,
    fetchMethod: async (tenantId) => {
      const [row] = await deps.platformDb.$queryRaw<{ paused: boolean }[]>`
        SELECT NOT (t.status = 'active' AND t.suspended_at IS NULL AND s.status = 'active' AND (s.expires_at IS NULL OR s.expires_at > now())) AS paused
        FROM tenants t
        LEFT JOIN LATERAL (
          SELECT status, expires_at FROM subscriptions WHERE tenant_id = t.id ORDER BY starts_at DESC LIMIT 1
        ) s ON true
        WHERE t.id = ${tenantId}::uuid`;
      return { paused: row?.paused ?? true };
    },
  });

  return {
    /** The agent, or undefined when no agent has this id (concurrent misses share one read). */
    find(id: string): Promise<KnownAgent | undefined> {
      const known = agents.get(id);
      if (known) return Promise.resolve(known);
      let pending = loading.get(id);
      if (!pending) {
        const read = load(id).then((agent) => {
          if (loading.get(id) === read) {
            loading.delete(id);
            if (agent) agents.set(id, agent);
          }
          return agent;
        });
        pending = read;
        loading.set(id, read);
        read.catch(() => loading.get(id) === read && loading.delete(id));
      }
      return pending;
    },
    /** Whether the tenant's agents must pause (run no tasks). */
    paused: async (tenantId: string): Promise<boolean> => (await paused.fetch(tenantId))?.paused ?? true,
    /** After a revocation or a re-enrolment: the next call reads the agent again. */
    forget(id: string) {
      agents.delete(id);
      loading.delete(id);
    },
  };
}

export type AgentDirectory = ReturnType<typeof createAgentDirectory>;
