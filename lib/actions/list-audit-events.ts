import { z } from "zod";
import { invalid, managers } from "../gateway";
import { defineAction } from "./services";

export const listAuditEvents = defineAction({
  name: "ListAuditEvents",
  params: z.strictObject({
    pageSize: z.number().int().min(1).max(100).default(20),
    /** the nextToken of the previous page */
    nextToken: z.string().max(200).optional(),
  }),
  roles: managers,
  mutates: false,
  async handler({ tx, tenantId }, { pageSize, nextToken }) {
    const after = nextToken === undefined ? null : decodeCursor(nextToken);
    const rows = await tx.query<AuditRow>`
      SELECT id, at, actor_uid AS "actorUid", action, target, payload, trace_id AS "traceId"
      FROM audit_events
      WHERE tenant_id = ${tenantId}
        AND (${after?.at ?? null}::timestamptz IS NULL OR (at, id) < (${after?.at ?? null}::timestamptz, ${after?.id ?? null}::uuid))
      ORDER BY at DESC, id DESC
      LIMIT ${pageSize + 1}`;
    const page = rows.slice(0, pageSize);
    const last = page.at(-1);
    return {
      events: page.map((e) => ({ ...e, at: e.at.toISOString() })),
      nextToken: rows.length > pageSize && last ? encodeCursor(last) : null,
    };
  },
});

type AuditRow = { id: string; at: Date; actorUid: string; action: string; target: string; payload: unknown; traceId: string | null };

function encodeCursor(e: { at: Date; id: string }) {
  return Buffer.from(`${e.at.toISOString()}|${e.id}`).toString("base64url");
}

function decodeCursor(token: string) {
  const [at = "", id = ""] = Buffer.from(token, "base64url").toString().split("|");
  const date = new Date(at);
  if (Number.isNaN(date.getTime()) || !z.uuid().safeParse(id).success) throw invalid("nextToken is not one this action returned");
  return { at: date, id };
}
