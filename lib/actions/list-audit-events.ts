import { z } from "zod";
import { managers } from "../gateway";
import { isInstant, pageOf, pageTokenParam } from "./page-token";
import { defineAction } from "./services";

export const listAuditEvents = defineAction({
  name: "ListAuditEvents",
  params: z.strictObject({
    pageSize: z.number().int().min(1).max(100).default(20),
    /** the nextToken of the previous page */
    nextToken: pageTokenParam(isInstant),
  }),
  roles: managers,
  mutates: false,
  async handler({ tx, tenantId }, p) {
    const after = p.nextToken ?? { key: null, id: null };
    const rows = await tx.query<AuditRow>`
      SELECT id, at, actor_uid AS "actorUid", action, target, payload, trace_id AS "traceId"
      FROM audit_events
      WHERE tenant_id = ${tenantId}
        AND (${after.key}::timestamptz IS NULL OR (at, id) < (${after.key}::timestamptz, ${after.id}::uuid))
      ORDER BY at DESC, id DESC
      LIMIT ${p.pageSize + 1}`;
    const { page, nextToken } = pageOf(rows, p.pageSize, (e) => ({ key: e.at.toISOString(), id: e.id }));
    return { events: page.map((e) => ({ ...e, at: e.at.toISOString() })), nextToken };
  },
});

type AuditRow = { id: string; at: Date; actorUid: string; action: string; target: string; payload: unknown; traceId: string | null };
