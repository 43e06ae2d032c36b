import { z } from "zod";
import { invalid } from "../gateway";
import { defineAction, managers } from "./define-action";

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
    const after = nextToken === undefined ? undefined : decodeCursor(nextToken);
    const rows = await tx.auditEvent.findMany({
      where: {
        tenantId,
        ...(after && { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] }),
      },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: pageSize + 1,
    });
    const page = rows.slice(0, pageSize);
    const last = page.at(-1);
    return {
      events: page.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        actorUid: e.actorUid,
        action: e.action,
        target: e.target,
        payload: e.payload,
        traceId: e.traceId,
      })),
      nextToken: rows.length > pageSize && last ? encodeCursor(last) : null,
    };
  },
});

function encodeCursor(e: { at: Date; id: string }) {
  return Buffer.from(`${e.at.toISOString()}|${e.id}`).toString("base64url");
}

function decodeCursor(token: string) {
  const [at = "", id = ""] = Buffer.from(token, "base64url").toString().split("|");
  const date = new Date(at);
  if (Number.isNaN(date.getTime()) || !z.uuid().safeParse(id).success) throw invalid("nextToken is not one this action returned");
  return { at: date, id };
}
