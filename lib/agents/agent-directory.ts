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
  /** the tenant cannot run tasks now: its subscription lapsed, or it is closed or suspended */
  paused: boolean;
  /** the hash of the inventory last stored, so an unchanged one is not written again */
  inventoryHash: string | undefined;
  /** the hour (epoch hours) of the last managed-host-hour recorded from this process */
  usageHour: number | undefined;
};

type Row = {
  id: string;
  tenantId: string;
  generation: number;
  secretKeyId: string;
  revoked: boolean;
  paused: boolean;
  inventoryHash: string | null;
};

/**
 * Agents by id, for the channel's hot path: read once through the platform
 * role (the tenant is not known before the agent is), then kept for `ttlMs`,
 * so a heartbeat costs no database read. A revocation or re-enrolment is seen
 * at once where it happened and, through `forget` (Postgres NOTIFY), in every
 * other process; a tenant's pause is seen within `ttlMs`.
 */
export function createAgentDirectory(deps: { platformDb: PrismaClient; keys: readonly SealKey[]; ttlMs?: number; max?: number }) {
  const cache = new LRUCache<string, KnownAgent>({ max: deps.max ?? 500_000, ttl: deps.ttlMs ?? 15_000 });
  const loading = new Map<string, Promise<KnownAgent | undefined>>();

  async function load(id: string): Promise<KnownAgent | undefined> {
    const [row] = await deps.platformDb.$queryRaw<Row[]>`
      SELECT a.id::text, a.tenant_id::text AS "tenantId", a.generation, a.secret_key_id AS "secretKeyId",
             a.revoked_at IS NOT NULL AS revoked,
             NOT (t.status = 'active' AND s.status = 'active' AND (s.expires_at IS NULL OR s.expires_at > now())) AS paused,
             a.inventory_hash AS "inventoryHash"
      FROM agents a
      JOIN tenants t ON t.id = a.tenant_id
      LEFT JOIN LATERAL (
        SELECT status, expires_at FROM subscriptions WHERE tenant_id = a.tenant_id ORDER BY starts_at DESC LIMIT 1
      ) s ON true
      WHERE a.id = ${id}::uuid`;
    if (!row) return undefined;
    const previous = cache.get(id);
    const known: KnownAgent = {
      id: row.id,
      tenantId: row.tenantId,
      secret: agentSecret(deps.keys, row.secretKeyId, row.id, row.generation),
      revoked: row.revoked,
      paused: row.paused,
      inventoryHash: row.inventoryHash ?? undefined,
      usageHour: previous?.usageHour,
    };
    cache.set(id, known);
    return known;
  }

  return {
    /** The agent, or undefined when no agent has this id. */
    async find(id: string): Promise<KnownAgent | undefined> {
      const known = cache.get(id);
      if (known) return known;
      let pending = loading.get(id);
      if (!pending) {
        pending = load(id).finally(() => loading.delete(id));
        loading.set(id, pending);
      }
      return pending;
    },
    /** After a revocation, a re-enrolment or a tenant change: the next call reads it again. */
    forget(id: string) {
      cache.delete(id);
    },
  };
}

export type AgentDirectory = ReturnType<typeof createAgentDirectory>;
