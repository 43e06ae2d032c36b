import { type PrismaClient, platformTransaction } from "../db";
import type { Logger } from "../log";

type Seen = { tenantId: string; at: number; version: string | undefined };
type HostHour = { tenantId: string; agentId: string; hour: number };

/**
 * Heartbeats are not a write transaction each: the last-seen time of every
 * agent and the managed-host-hours they start are buffered and written by one
 * platform transaction every `flushMs`. So `last_seen_at` lags by at most
 * `flushMs` (and a crash loses at most that much of it: the next heartbeat
 * puts it right). Host-hours are idempotent (agent + hour), so one sent again
 * after a restart is counted once. A failed write keeps what it held for the
 * next one.
 */
export function createHeartbeatLog(deps: {
  platformDb: PrismaClient;
  flushMs: number;
  log: Logger;
  reportOutage: (by: string, err: unknown) => boolean;
}) {
  let seen = new Map<string, Seen>();
  let hours: HostHour[] = [];
  let writing: Promise<void> = Promise.resolve();
  let writes = 0;

  async function write() {
    if (seen.size === 0 && hours.length === 0) return;
    const batch = seen;
    const started = hours;
    seen = new Map();
    hours = [];
    const rows = [...batch].map(([id, s]) => ({ id, tenantId: s.tenantId, at: new Date(s.at).toISOString(), version: s.version ?? null }));
    const usage = started.map((h) => ({
      tenantId: h.tenantId,
      at: new Date(h.hour * 3_600_000).toISOString(),
      key: `agent:${h.agentId}:${new Date(h.hour * 3_600_000).toISOString().slice(0, 13)}`,
    }));
    try {
      await platformTransaction(deps.platformDb, async (tx) => {
        if (rows.length)
          await tx.$executeRaw`
            UPDATE agents a SET last_seen_at = GREATEST(a.last_seen_at, v.at), agent_version = COALESCE(v.version, a.agent_version)
            FROM json_to_recordset(${JSON.stringify(rows)}::json) AS v(id uuid, "tenantId" uuid, at timestamptz, version text)
            WHERE a.tenant_id = v."tenantId" AND a.id = v.id`;
        if (usage.length)
          await tx.$executeRaw`
            INSERT INTO usage_events (tenant_id, metric, quantity, occurred_at, idempotency_key, source)
            SELECT v."tenantId", 'managed_host_hours', 1, v.at, v.key, 'agent'
            FROM json_to_recordset(${JSON.stringify(usage)}::json) AS v("tenantId" uuid, at timestamptz, key text)
            ON CONFLICT (tenant_id, idempotency_key) DO NOTHING`;
      });
      writes++;
    } catch (err) {
      if (!deps.reportOutage("agent heartbeats", err))
        deps.log.warn({ err: (err as Error).message, agents: rows.length }, "heartbeats not written; kept for the next batch");
      for (const [id, s] of batch) if (!seen.has(id)) seen.set(id, s);
      if (hours.length < 1_000_000) hours.push(...started);
    }
  }
  const flush = () => {
    writing = writing.then(write);
    return writing;
  };
  const timer = setInterval(flush, deps.flushMs);
  timer.unref();

  return {
    /** A heartbeat of `agentId` now; `hour` is set when it starts a managed-host-hour. */
    record(agentId: string, tenantId: string, at: number, version: string | undefined, hour?: number) {
      seen.set(agentId, { tenantId, at, version });
      if (hour !== undefined) hours.push({ tenantId, agentId, hour });
    },
    flush,
    /** How many batches were written: the benchmark's write transactions. */
    writes: () => writes,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}

export type HeartbeatLog = ReturnType<typeof createHeartbeatLog>;
