import { z } from "zod";
import { planIds } from "../billing";
import { Prisma, type PrismaClient } from "../db";
import { textField } from "../http";
import { offlineBefore } from "./agent-online";

export const tenantSorts = ["newest", "oldest", "name"] as const;
export const maxPageSize = 100;

/** The admin tenant list's query string; a value outside these is an error the page names, never a 500. */
export const tenantListQuery = z
  .object({
    /** a name (prefix, any case), an account id, a tenant id or a marketplace instance id */
    q: textField(100).optional(),
    channel: z.enum(["aliyun", "aws", "direct"]).optional(),
    status: z.enum(["active", "frozen", "closed", "suspended"]).optional(),
    plan: z.enum(planIds as [string, ...string[]]).optional(),
    cloud: z.enum(["pending", "verified", "failed", "none"]).optional(),
    /** subscriptions ending within this many days */
    expiring: z.enum(["7", "30"]).optional(),
    /** online: an unrevoked agent online; offline: unrevoked agents, none online; none: no unrevoked agent */
    agents: z.enum(["online", "offline", "none"]).optional(),
    sort: z.enum(tenantSorts).default("newest"),
    size: z.coerce.number().int().min(1).max(maxPageSize).default(50),
    /** the keyset cursor of the next page (opaque); long enough for a 128-character name in any script */
    after: z
      .string()
      .max(2_000)
      .transform((s, ctx) => {
        const cursor = decodeCursor(s);
        if (!cursor) ctx.addIssue({ code: "custom", message: "not a cursor" });
        return cursor as Cursor;
      })
      .optional(),
  })
  // a cursor holds the value of its own sort: one of another sort (an edited address) is an error, not a 500
  .refine((q) => !q.after || q.after.sort === q.sort, { path: ["after"], message: "a cursor of another sort" });
export type TenantListQuery = z.infer<typeof tenantListQuery>;

type Cursor = { sort: (typeof tenantSorts)[number]; value: string; id: string };

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.sort, c.value, c.id])).toString("base64url");
export function decodeCursor(s: string): Cursor | undefined {
  try {
    const [sort, value, id] = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as unknown[];
    const sorted = z.enum(tenantSorts).safeParse(sort);
    if (!sorted.success || typeof value !== "string" || typeof id !== "string" || !z.uuid().safeParse(id).success) return undefined;
    // newest and oldest page by creation time: their value is an ISO time
    if (sorted.data !== "name" && !z.iso.datetime().safeParse(value).success) return undefined;
    return { sort: sorted.data, value, id };
  } catch {
    return undefined;
  }
}

export type TenantListRow = {
  id: string;
  channel: string;
  externalId: string;
  displayName: string;
  status: string;
  suspended: boolean;
  plan: string | null;
  expiresAt: Date | null;
  instanceId: string | null;
  cloud: string | null;
  cloudFailure: string | null;
  hosts: number;
  hostsOnline: number;
  hostHours: number;
  createdAt: Date;
};

/** `%` and `_` in a searched name are letters, not wildcards. */
const likePrefix = (s: string) => `${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditions(q: TenantListQuery, heartbeatSeconds: number): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (q.q) {
    const id = z.uuid().safeParse(q.q).success ? Prisma.sql`SELECT ${q.q}::uuid UNION ` : Prisma.empty;
    where.push(Prisma.sql`t.id IN (${id}SELECT id FROM tenants WHERE external_id = ${q.q}
      UNION SELECT id FROM tenants WHERE lower(display_name) LIKE ${likePrefix(q.q)}
      UNION SELECT tenant_id FROM subscriptions WHERE instance_id = ${q.q})`);
  }
  if (q.channel) where.push(Prisma.sql`t.channel = ${q.channel}::channel`);
  if (q.status === "suspended") where.push(Prisma.sql`t.suspended_at IS NOT NULL`);
  else if (q.status) where.push(Prisma.sql`t.status = ${q.status}::tenant_status AND t.suspended_at IS NULL`);
  if (q.plan) where.push(Prisma.sql`s.plan = ${q.plan}`);
  if (q.cloud === "none") where.push(Prisma.sql`ca.status IS NULL`);
  else if (q.cloud) where.push(Prisma.sql`ca.status = ${q.cloud}::cloud_access_status`);
  if (q.expiring)
    where.push(
      Prisma.sql`s.status = 'active' AND s.expires_at >= now() AND s.expires_at < now() + make_interval(days => ${Number(q.expiring)})`,
    );
  if (q.agents) {
    // whether any unrevoked agent is online: true; false, all offline (never heard from included); null, none.
    // A scalar subquery of t alone is a filter on the tenants' scan, so a page walks tenants one index probe
    // each; as EXISTS, the planner joined it after each walked row's subscription, role and hosts (30× slower)
    const anyOnline = Prisma.sql`(SELECT bool_or(coalesce(a.last_seen_at > ${offlineBefore(heartbeatSeconds)}, false)) FROM agents a WHERE a.tenant_id = t.id AND a.revoked_at IS NULL)`;
    where.push(
      Prisma.sql`${anyOnline} IS ${q.agents === "online" ? Prisma.sql`TRUE` : q.agents === "offline" ? Prisma.sql`FALSE` : Prisma.sql`NULL`}`,
    );
  }
  return where;
}

function keyset(q: TenantListQuery): { after: Prisma.Sql; order: Prisma.Sql } {
  const c = q.after;
  if (q.sort === "name")
    return {
      after: c ? Prisma.sql`(t.display_name, t.id) > (${c.value}, ${c.id}::uuid)` : Prisma.empty,
      order: Prisma.sql`t.display_name, t.id`,
    };
  const at = c && new Date(c.value);
  if (q.sort === "oldest")
    return { after: at ? Prisma.sql`(t.created_at, t.id) > (${at}, ${c.id}::uuid)` : Prisma.empty, order: Prisma.sql`t.created_at, t.id` };
  return {
    after: at ? Prisma.sql`(t.created_at, t.id) < (${at}, ${c.id}::uuid)` : Prisma.empty,
    order: Prisma.sql`t.created_at DESC, t.id DESC`,
  };
}

/**
 * One page of tenants, filtered and sorted, by keyset: page 500 costs what
 * page 1 does (the (created_at, id) and (display_name, id) indexes), with each
 * row's current subscription, bound role, hosts (and how many are online) and
 * host-hours this month. `heartbeatSeconds` is the agents' interval
 * (AGENT_HEARTBEAT_SECONDS): online is lib/agents' rule.
 */
export async function listTenantPage(
  opsDb: PrismaClient,
  q: TenantListQuery,
  heartbeatSeconds: number,
): Promise<{ rows: TenantListRow[]; next: string | null }> {
  const { after, order } = keyset(q);
  const where = [...conditions(q, heartbeatSeconds), ...(after === Prisma.empty ? [] : [after])];
  const rows = await opsDb.$queryRaw<TenantListRow[]>`
    SELECT t.id::text, t.channel::text, t.external_id AS "externalId", t.display_name AS "displayName", t.status::text,
           t.suspended_at IS NOT NULL AS suspended, t.created_at AS "createdAt",
           s.plan, s.expires_at AS "expiresAt", s.instance_id AS "instanceId",
           ca.status::text AS cloud, ca.failure->>'code' AS "cloudFailure",
           ag.hosts, ag.online AS "hostsOnline",
           (SELECT coalesce(sum(quantity), 0)::float8 FROM usage_events u
             WHERE u.tenant_id = t.id AND u.metric = 'managed_host_hours' AND u.occurred_at >= date_trunc('month', now())) AS "hostHours"
    FROM tenants t
    LEFT JOIN LATERAL (
      SELECT plan, status, expires_at, instance_id FROM subscriptions WHERE tenant_id = t.id ORDER BY starts_at DESC LIMIT 1
    ) s ON true
    LEFT JOIN LATERAL (
      SELECT status, failure FROM cloud_access WHERE tenant_id = t.id AND role_arn IS NOT NULL ORDER BY updated_at DESC LIMIT 1
    ) ca ON true
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS hosts, (count(*) FILTER (WHERE last_seen_at > ${offlineBefore(heartbeatSeconds)}))::int AS online
      FROM agents WHERE tenant_id = t.id AND revoked_at IS NULL
    ) ag ON true
    ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty}
    ORDER BY ${order} LIMIT ${q.size + 1}`;
  const page = rows.slice(0, q.size);
  const last = page.at(-1);
  const next =
    rows.length > q.size && last
      ? encodeCursor({ sort: q.sort, value: q.sort === "name" ? last.displayName : last.createdAt.toISOString(), id: last.id })
      : null;
  return { rows: page, next };
}
