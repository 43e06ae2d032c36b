import type { PrismaClient } from "../db";
import { offlineBefore } from "./agent-online";

export type QueueCounts = { name: string; queued: number; active: number; deferred: number; failed: number };
export type ParkedNotification = {
  id: string;
  channel: string;
  action: string;
  instanceId: string | null;
  status: string;
  receivedAt: Date;
};
export type OfflineAgents = { tenantId: string; displayName: string; offline: number; total: number; lastSeenAt: Date | null };
export type ActionHealth = { action: string; calls: number; errors: number; p95Ms: number };

/** A marketplace call still pending after this long is parked (its instance unknown, or a failure). */
export const parkedAfterMinutes = 5;

/**
 * What /ops shows as the system's health; read through ops_ro, one statement
 * per panel. `heartbeatSeconds` is the agents' interval (AGENT_HEARTBEAT_SECONDS).
 */
export async function readHealth(opsDb: PrismaClient, heartbeatSeconds: number) {
  const offline = offlineBefore(heartbeatSeconds);
  const [queues, notifications, agents, actions] = await Promise.all([
    opsDb.$queryRaw<QueueCounts[]>`SELECT * FROM job_queue_counts()`,
    opsDb.$queryRaw<ParkedNotification[]>`
      SELECT id::text, channel::text, action, instance_id AS "instanceId", status::text, received_at AS "receivedAt"
      FROM marketplace_inbox
      WHERE status = 'refused' OR (status = 'pending' AND received_at < now() - make_interval(mins => ${parkedAfterMinutes}))
      ORDER BY received_at DESC LIMIT 50`,
    opsDb.$queryRaw<OfflineAgents[]>`
      SELECT a.tenant_id::text AS "tenantId", t.display_name AS "displayName",
             count(*) FILTER (WHERE a.last_seen_at IS NULL OR a.last_seen_at <= ${offline})::int AS offline,
             count(*)::int AS total, max(a.last_seen_at) AS "lastSeenAt"
      FROM agents a JOIN tenants t ON t.id = a.tenant_id
      WHERE a.revoked_at IS NULL
      GROUP BY a.tenant_id, t.display_name
      HAVING count(*) FILTER (WHERE a.last_seen_at IS NULL OR a.last_seen_at <= ${offline}) > 0
      ORDER BY offline DESC LIMIT 50`,
    opsDb.$queryRaw<ActionHealth[]>`
      SELECT action, count(*)::int AS calls, count(*) FILTER (WHERE http_status >= 500 OR code <> 'OK')::int AS errors,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS "p95Ms"
      FROM gateway_traces WHERE at > now() - interval '1 hour' AND authenticated
      GROUP BY action ORDER BY errors DESC, calls DESC LIMIT 100`,
  ]);
  // pg-boss's own queues (`__pgboss__send-it`, which its cron schedules through) are not jobs of ours
  return { queues: queues.filter((q) => !q.name.startsWith("__pgboss__")), notifications, agents, actions };
}
