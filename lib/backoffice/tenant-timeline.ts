import { z } from "zod";
import { Prisma, type PrismaClient } from "../db";
import { offlineBefore } from "./agent-online";

export const timelineKinds = ["order", "callback", "error", "audit", "agent", "metering", "staff"] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const timelineQuery = z.object({
  /** the kinds to show, comma-separated; all when absent */
  kinds: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.enum(timelineKinds)).max(timelineKinds.length))
    .optional(),
  /** entries before this time (the next page) */
  before: z.coerce.date().optional(),
});
export type TimelineQuery = z.infer<typeof timelineQuery>;

export type TimelineEntry = {
  /** the row's id in its own table: unique with the kind */
  id: string;
  at: Date;
  kind: TimelineKind;
  /** a code the page translates where it has words for it (order event, audit action, error code; agent.silent, agent.offline) */
  what: string;
  /** identifiers beside it: instance, SKU, action, agent host; never params or answers, which may hold secrets */
  detail: string | null;
  traceId: string | null;
  /** where an entry is a span (a heartbeat gap, from `at`): its end */
  until: Date | null;
};

export const timelinePageSize = 100;

/** A page of the timeline, and where the next (older) one starts: none when this was the last. */
export type TimelinePage = { entries: TimelineEntry[]; olderBefore?: Date };

/**
 * One tenant's story, newest first: what the marketplace did (orders), the
 * callbacks it sent and whether they were applied, gateway calls that failed,
 * the tenant's own audit trail (role bindings and verifications, downloads,
 * tasks), agent enrolments, heartbeat gaps (and agents offline now, since
 * their last heartbeat), metering pushes (each transition), and what staff
 * did to it. One statement; each branch is bounded by the tenant's indexes and
 * the page size. `heartbeatSeconds` is the agents' interval (AGENT_HEARTBEAT_SECONDS).
 */
export async function tenantTimeline(
  opsDb: PrismaClient,
  tenantId: string,
  q: TimelineQuery,
  heartbeatSeconds: number,
): Promise<TimelinePage> {
  const kinds = new Set<TimelineKind>(q.kinds?.length ? q.kinds : timelineKinds);
  const before = q.before ?? new Date("9999-01-01T00:00:00Z");
  const branches: Prisma.Sql[] = [];
  const take = Prisma.sql`ORDER BY at DESC LIMIT ${timelinePageSize}`;
  if (kinds.has("order"))
    branches.push(Prisma.sql`(SELECT id::text, at, 'order' AS kind, action AS what, concat_ws(' · ', instance_id, sku) AS detail, NULL AS "traceId", NULL::timestamptz AS "until"
      FROM marketplace_orders WHERE tenant_id = ${tenantId}::uuid AND at < ${before} ${take})`);
  if (kinds.has("callback"))
    branches.push(Prisma.sql`(SELECT id::text, received_at AS at, 'callback' AS kind, action AS what, concat_ws(' · ', instance_id, status::text) AS detail, NULL AS "traceId", NULL::timestamptz AS "until"
      FROM marketplace_inbox i
      WHERE i.channel = (SELECT channel FROM tenants WHERE id = ${tenantId}::uuid)
        AND i.instance_id IN (SELECT instance_id FROM subscriptions WHERE tenant_id = ${tenantId}::uuid AND instance_id IS NOT NULL)
        AND received_at < ${before}
      ORDER BY received_at DESC LIMIT ${timelinePageSize})`);
  if (kinds.has("error"))
    branches.push(Prisma.sql`(SELECT id::text, at, 'error' AS kind, code AS what, action AS detail, trace_id AS "traceId", NULL::timestamptz AS "until"
      FROM gateway_traces WHERE tenant_id = ${tenantId}::uuid AND code <> 'OK' AND at < ${before} ${take})`);
  if (kinds.has("audit"))
    branches.push(Prisma.sql`(SELECT id::text, at, 'audit' AS kind, action AS what, target AS detail, trace_id AS "traceId", NULL::timestamptz AS "until"
      FROM audit_events WHERE tenant_id = ${tenantId}::uuid AND at < ${before} ${take})`);
  if (kinds.has("agent"))
    branches.push(
      Prisma.sql`(SELECT id::text, enrolled_at AS at, 'agent' AS kind, 'agent.enrolled' AS what, concat_ws(' · ', hostname, os, agent_version) AS detail, NULL AS "traceId", NULL::timestamptz AS "until"
      FROM agents WHERE tenant_id = ${tenantId}::uuid AND enrolled_at < ${before} ORDER BY enrolled_at DESC LIMIT ${timelinePageSize})`,
      Prisma.sql`(SELECT concat_ws(':', g.agent_id, floor(extract(epoch FROM g.silent_from) * 1000)) AS id, g.silent_from AS at, 'agent' AS kind,
        'agent.silent' AS what, a.hostname AS detail, NULL AS "traceId", g.silent_to AS "until"
      FROM agent_gaps g JOIN agents a ON a.tenant_id = g.tenant_id AND a.id = g.agent_id
      WHERE g.tenant_id = ${tenantId}::uuid AND g.silent_from < ${before} ORDER BY g.silent_from DESC LIMIT ${timelinePageSize})`,
      // a silence not over yet: the gap it will be, open
      Prisma.sql`(SELECT id::text || ':offline' AS id, last_seen_at AS at, 'agent' AS kind, 'agent.offline' AS what, hostname AS detail, NULL AS "traceId", NULL::timestamptz AS "until"
      FROM agents WHERE tenant_id = ${tenantId}::uuid AND revoked_at IS NULL AND last_seen_at <= ${offlineBefore(heartbeatSeconds)}
        AND last_seen_at < ${before} ORDER BY last_seen_at DESC LIMIT ${timelinePageSize})`,
    );
  if (kinds.has("metering"))
    branches.push(Prisma.sql`(SELECT l.id::text, l.at, 'metering' AS kind, 'metering.' || l.state AS what,
        concat_ws(' · ', r.channel::text, r.metric, to_char(r.hour AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:00Z')) AS detail, NULL AS "traceId", NULL::timestamptz AS "until"
      FROM metering_log l JOIN metering_records r ON r.tenant_id = l.tenant_id AND r.id = l.record_id
      WHERE l.tenant_id = ${tenantId}::uuid AND l.at < ${before} ORDER BY l.at DESC LIMIT ${timelinePageSize})`);
  if (kinds.has("staff"))
    branches.push(Prisma.sql`(SELECT id::text, at, 'staff' AS kind, action AS what, actor AS detail, NULL AS "traceId", NULL::timestamptz AS "until"
      FROM platform_audit_events WHERE target = ${`tenant:${tenantId}`} AND at < ${before} ${take})`);
  // every branch names its columns: a UNION takes its names from whichever branch comes first;
  // entries of one instant (a staff action and what it changed, in one transaction) in a fixed order
  const entries = await opsDb.$queryRaw<TimelineEntry[]>`
    SELECT * FROM (${Prisma.join(branches, " UNION ALL ")}) e ORDER BY at DESC, kind DESC, id DESC LIMIT ${timelinePageSize}`;
  return wholeMilliseconds(entries);
}

/**
 * A full page ends at a whole millisecond, the next page's `before` (a time
 * to the millisecond, as a link carries it): the entries of the page's last
 * millisecond all go to the next page, rather than some shown here and the
 * rest skipped there. A page that is one millisecond throughout is shown
 * whole, and what else that millisecond holds is skipped.
 */
function wholeMilliseconds(entries: TimelineEntry[]): TimelinePage {
  const last = entries.at(-1);
  if (!last || entries.length < timelinePageSize) return { entries };
  const lastMs = last.at.getTime();
  const earlier = entries.filter((e) => e.at.getTime() > lastMs);
  return earlier.length ? { entries: earlier, olderBefore: new Date(lastMs + 1) } : { entries, olderBefore: last.at };
}
