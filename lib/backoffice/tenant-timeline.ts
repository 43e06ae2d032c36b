import { z } from "zod";
import { Prisma, type PrismaClient } from "../db";
import { instantField } from "../http";
import { offlineBefore } from "./agent-online";

export const timelineKinds = ["order", "callback", "error", "audit", "agent", "metering", "staff"] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/** Where the next page goes on from: the last entry shown, "kind:id" (its time is `before`). */
const entryRef = z
  .string()
  .regex(/^[a-z]+:[A-Za-z0-9:-]{1,100}$/)
  .transform((s) => ({ kind: s.slice(0, s.indexOf(":")), id: s.slice(s.indexOf(":") + 1) }))
  .pipe(z.object({ kind: z.enum(timelineKinds), id: z.string() }));

export const timelineQuery = z.object({
  /** the kinds to show, comma-separated; all when absent */
  kinds: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.enum(timelineKinds)).max(timelineKinds.length))
    .optional(),
  /** entries before this time (the next page) */
  before: instantField.optional(),
  /** with `before`: the last entry shown at that time, so that the next page goes on after it within that millisecond */
  after: entryRef.optional(),
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

/** A page of the timeline, and where the next (older) one starts (`before` and `after`): none when this was the last. */
export type TimelinePage = { entries: TimelineEntry[]; next?: { before: Date; after: string } };

/**
 * Entries run newest first, then by kind and id (descending), a total order:
 * a staff action and what it changed, written in one transaction at one
 * instant, always show in the same order, and a page goes on exactly after
 * the last entry of the one before, even among hundreds of one millisecond
 * (a metering push logs up to 500 rows at once).
 */
const order = Prisma.sql`ORDER BY at DESC, kind DESC, id DESC`;

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
  // one kind's newest rows past the cursor (their own query's `at` and `id`), in the timeline's order
  const page = (kind: TimelineKind, rows: Prisma.Sql) =>
    Prisma.sql`(SELECT * FROM (${rows}) r WHERE ${filterPastCursor(kind, q)} ${order} LIMIT ${timelinePageSize + 1})`;
  const branches: Prisma.Sql[] = [];
  if (kinds.has("order"))
    branches.push(
      page(
        "order",
        Prisma.sql`SELECT id::text, at, 'order' AS kind, action AS what, concat_ws(' · ', instance_id, sku) AS detail, NULL AS "traceId", NULL::timestamptz AS "until"
        FROM marketplace_orders WHERE tenant_id = ${tenantId}::uuid`,
      ),
    );
  if (kinds.has("callback"))
    branches.push(
      page(
        "callback",
        Prisma.sql`SELECT id::text, received_at AS at, 'callback' AS kind, action AS what, concat_ws(' · ', instance_id, status::text) AS detail, NULL AS "traceId", NULL::timestamptz AS "until"
        FROM marketplace_inbox i
        WHERE i.channel = (SELECT channel FROM tenants WHERE id = ${tenantId}::uuid)
          AND i.instance_id IN (SELECT instance_id FROM subscriptions WHERE tenant_id = ${tenantId}::uuid AND instance_id IS NOT NULL)`,
      ),
    );
  if (kinds.has("error"))
    branches.push(
      page(
        "error",
        Prisma.sql`SELECT id::text, at, 'error' AS kind, code AS what, action AS detail, trace_id AS "traceId", NULL::timestamptz AS "until"
        FROM gateway_traces WHERE tenant_id = ${tenantId}::uuid AND code <> 'OK'`,
      ),
    );
  if (kinds.has("audit"))
    branches.push(
      page(
        "audit",
        Prisma.sql`SELECT id::text, at, 'audit' AS kind, action AS what, target AS detail, trace_id AS "traceId", NULL::timestamptz AS "until"
        FROM audit_events WHERE tenant_id = ${tenantId}::uuid`,
      ),
    );
  if (kinds.has("agent"))
    branches.push(
      page(
        "agent",
        Prisma.sql`SELECT id::text, enrolled_at AS at, 'agent' AS kind, 'agent.enrolled' AS what, concat_ws(' · ', hostname, os, agent_version) AS detail, NULL AS "traceId", NULL::timestamptz AS "until"
        FROM agents WHERE tenant_id = ${tenantId}::uuid`,
      ),
      page(
        "agent",
        Prisma.sql`SELECT concat_ws(':', g.agent_id, floor(extract(epoch FROM g.silent_from) * 1000)) AS id, g.silent_from AS at, 'agent' AS kind,
          'agent.silent' AS what, a.hostname AS detail, NULL AS "traceId", g.silent_to AS "until"
        FROM agent_gaps g JOIN agents a ON a.tenant_id = g.tenant_id AND a.id = g.agent_id
        WHERE g.tenant_id = ${tenantId}::uuid`,
      ),
      // a silence not over yet: the gap it will be, open
      page(
        "agent",
        Prisma.sql`SELECT id::text || ':offline' AS id, last_seen_at AS at, 'agent' AS kind, 'agent.offline' AS what, hostname AS detail, NULL AS "traceId", NULL::timestamptz AS "until"
        FROM agents WHERE tenant_id = ${tenantId}::uuid AND revoked_at IS NULL AND last_seen_at <= ${offlineBefore(heartbeatSeconds)}`,
      ),
    );
  if (kinds.has("metering"))
    branches.push(
      page(
        "metering",
        Prisma.sql`SELECT l.id::text, l.at, 'metering' AS kind, 'metering.' || l.state AS what,
          concat_ws(' · ', r.channel::text, r.metric, to_char(r.hour AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:00Z')) AS detail, NULL AS "traceId", NULL::timestamptz AS "until"
        FROM metering_log l JOIN metering_records r ON r.tenant_id = l.tenant_id AND r.id = l.record_id
        WHERE l.tenant_id = ${tenantId}::uuid`,
      ),
    );
  if (kinds.has("staff"))
    branches.push(
      page(
        "staff",
        Prisma.sql`SELECT id::text, at, 'staff' AS kind, action AS what, actor AS detail, NULL AS "traceId", NULL::timestamptz AS "until"
        FROM platform_audit_events WHERE target = ${`tenant:${tenantId}`}`,
      ),
    );
  // every branch names its columns: a UNION takes its names from whichever branch comes first;
  // one more than a page tells whether there is an older page at all
  const rows = await opsDb.$queryRaw<TimelineEntry[]>`
    SELECT * FROM (${Prisma.join(branches, " UNION ALL ")}) e ${order} LIMIT ${timelinePageSize + 1}`;
  const entries = rows.slice(0, timelinePageSize);
  const last = entries.at(-1);
  return last && rows.length > timelinePageSize ? { entries, next: { before: last.at, after: `${last.kind}:${last.id}` } } : { entries };
}

/**
 * A kind's rows that come after the cursor in the timeline's order: before
 * its time; at its very time, those of a kind that sorts after the cursor's,
 * or of its kind with a lower id. (Every time here is whole milliseconds,
 * timestamptz(3), as a link's time is.)
 */
function filterPastCursor(kind: TimelineKind, { before, after }: TimelineQuery): Prisma.Sql {
  if (!before) return Prisma.sql`true`;
  if (!after || kind > after.kind) return Prisma.sql`r.at < ${before}`;
  if (kind < after.kind) return Prisma.sql`r.at <= ${before}`;
  return Prisma.sql`(r.at, r.id) < (${before}::timestamptz, ${after.id})`;
}
