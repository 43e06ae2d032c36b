import { type PrismaClient, platformTransaction } from "../db";
import type { Logger } from "../log";

/** An agent's heartbeats in one batch: the first and the last, and the silences between them. */
type Seen = { tenantId: string; first: number; at: number; version: string | undefined; gaps: [number, number][] };
type HostHour = { tenantId: string; agentId: string; hour: number };

/**
 * Heartbeats are not a write transaction each: the last-seen time of every
 * agent and the managed-host-hours they start are buffered and written by one
 * platform transaction every `flushMs`. So `last_seen_at` lags by at most
 * `flushMs` (and a crash loses at most that much of it: the next heartbeat
 * puts it right). Host-hours are idempotent (agent + hour), so one sent again
 * after a restart is counted once. A failed write keeps what it held for the
 * next one.
 *
 * A silence longer than `offlineAfterMs` is a gap (`agent_gaps`): found by the
 * statement that moves `last_seen_at`, from the last-seen time it replaces to
 * the batch's first heartbeat, or in the buffer itself when one batch spans it
 * (heartbeats kept through a database outage). A gap is keyed by its start, so
 * a batch sent again writes it once.
 */
export function createHeartbeatLog(deps: {
  platformDb: PrismaClient;
  flushMs: number;
  /** a silence longer than this is a gap: three heartbeat intervals (lib/agents/online.ts) */
  offlineAfterMs: number;
  log: Logger;
  reportOutage: (by: string, err: unknown) => boolean;
}) {
  let seen = new Map<string, Seen>();
  let hours: HostHour[] = [];
  let writing: Promise<void> = Promise.resolve();
  let writes = 0;

  /** Heartbeats from `first` to `at` after those of `s`: the silence between them is a gap if long enough. */
  function extend(s: Seen, first: number, at: number, version: string | undefined) {
    if (first - s.at > deps.offlineAfterMs) s.gaps.push([s.at, first]);
    s.at = at;
    s.version = version;
  }

  async function write() {
    if (seen.size === 0 && hours.length === 0) return;
    const batch = seen;
    const started = hours;
    seen = new Map();
    hours = [];
    const rows = [...batch].map(([id, s]) => ({
      id,
      tenantId: s.tenantId,
      first: new Date(s.first).toISOString(),
      at: new Date(s.at).toISOString(),
      version: s.version ?? null,
      ...(s.gaps.length && {
        gaps: s.gaps.map(([from, to]) => ({ from: new Date(from).toISOString(), to: new Date(to).toISOString() })),
      }),
    }));
    const usage = started.map((h) => ({
      tenantId: h.tenantId,
      at: new Date(h.hour * 3_600_000).toISOString(),
      key: `agent:${h.agentId}:${new Date(h.hour * 3_600_000).toISOString().slice(0, 13)}`,
    }));
    try {
      await platformTransaction(deps.platformDb, async (tx) => {
        // one statement: last seen moves, and the silence it ends (if longer than the threshold) is a gap
        if (rows.length)
          await tx.$executeRaw`
            WITH seen AS (
              UPDATE agents a SET last_seen_at = GREATEST(a.last_seen_at, v.at), agent_version = COALESCE(v.version, a.agent_version)
              FROM json_to_recordset(${JSON.stringify(rows)}::json)
                AS v(id uuid, "tenantId" uuid, first timestamptz, at timestamptz, version text, gaps json)
              WHERE a.tenant_id = v."tenantId" AND a.id = v.id
              RETURNING a.tenant_id, a.id, old.last_seen_at AS before, v.first, v.gaps)
            INSERT INTO agent_gaps (tenant_id, agent_id, silent_from, silent_to)
            SELECT s.tenant_id, s.id, g."from", g."to"
            FROM seen s, LATERAL (
              SELECT s.before AS "from", s.first AS "to" WHERE s.first - s.before > make_interval(secs => ${deps.offlineAfterMs / 1000})
              UNION ALL
              SELECT * FROM json_to_recordset(s.gaps) AS b("from" timestamptz, "to" timestamptz)
            ) g
            ON CONFLICT (tenant_id, agent_id, silent_from) DO NOTHING`;
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
      // kept for the next batch, before what arrived meanwhile: its first heartbeat stays the first
      for (const [id, s] of batch) {
        const later = seen.get(id);
        if (later) {
          extend(s, later.first, later.at, later.version);
          s.gaps.push(...later.gaps);
        }
        seen.set(id, s);
      }
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
    /** A heartbeat of `agentId` at `at` (epoch ms); `hour` is set when it starts a managed-host-hour. */
    record(agentId: string, tenantId: string, at: number, version: string | undefined, hour?: number) {
      const s = seen.get(agentId);
      if (s) extend(s, at, at, version);
      else seen.set(agentId, { tenantId, first: at, at, version, gaps: [] });
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
