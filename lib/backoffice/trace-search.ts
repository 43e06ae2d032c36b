import { z } from "zod";
import { Prisma, type PrismaClient } from "../db";
import { instantField } from "../http";
import { maskAddress, maskPersonalData } from "./mask";

/** What support may search traces by; anything else in the query string is ignored. */
export const traceQuery = z.object({
  traceId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
  tenant: z.uuid().optional(),
  action: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{1,64}$/)
    .optional(),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{1,32}$/)
    .optional(),
  /** instants (with an offset, or a UTC day): the range is at most 7 days, the last 24 hours by default */
  from: instantField.optional(),
  to: instantField.optional(),
  errors: z.enum(["1"]).optional(),
});
export type TraceQuery = z.infer<typeof traceQuery>;

export type TraceRow = {
  id: string;
  traceId: string;
  at: Date;
  action: string;
  code: string;
  httpStatus: number;
  latencyMs: number;
  keyId: string | null;
  channel: string | null;
  parentUid: string | null;
  uid: string | null;
  tenantId: string | null;
  authenticated: boolean;
  /** masked: support never sees a whole address */
  clientAddress: string | null;
  /** a verified call's params: secrets redacted when written, personal data masked here */
  params: unknown;
};

const maxRangeMs = 7 * 86_400_000;
const pageSize = 50;

/**
 * Traces by exact traceId (the index answers it whatever the range), or by
 * tenant, action, code and time range: newest first, at most 50, always
 * bounded in time so only the days asked for are read.
 */
export async function searchTraces(opsDb: PrismaClient, q: TraceQuery, now = new Date()): Promise<TraceRow[]> {
  const where: Prisma.Sql[] = [];
  if (q.traceId) where.push(Prisma.sql`trace_id = ${q.traceId}`);
  else {
    const to = q.to ?? now;
    const from =
      q.from && to.getTime() - q.from.getTime() <= maxRangeMs ? q.from : new Date(to.getTime() - (q.from ? maxRangeMs : 86_400_000));
    where.push(Prisma.sql`at >= ${from} AND at <= ${to}`);
  }
  if (q.tenant) where.push(Prisma.sql`tenant_id = ${q.tenant}::uuid`);
  if (q.action) where.push(Prisma.sql`action = ${q.action}`);
  if (q.code) where.push(Prisma.sql`code = ${q.code}`);
  if (q.errors) where.push(Prisma.sql`code <> 'OK'`);
  const rows = await opsDb.$queryRaw<(Omit<TraceRow, "id"> & { id: bigint })[]>`
    SELECT id, trace_id AS "traceId", at, action, code, http_status AS "httpStatus", latency_ms AS "latencyMs",
           key_id AS "keyId", channel::text, parent_uid AS "parentUid", uid, tenant_id::text AS "tenantId",
           authenticated, client_address AS "clientAddress", params
    FROM gateway_traces WHERE ${Prisma.join(where, " AND ")}
    ORDER BY at DESC, id DESC LIMIT ${pageSize}`;
  return rows.map((r) => ({ ...r, id: String(r.id), clientAddress: maskAddress(r.clientAddress), params: maskPersonalData(r.params) }));
}
