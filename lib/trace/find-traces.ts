import type { PrismaClient } from "../db";

/** Support's lookup: every gateway call recorded under a traceId, newest first. */
export function findTraces(opsDb: PrismaClient, traceId: string) {
  return opsDb.gatewayTrace.findMany({ where: { traceId }, orderBy: { at: "desc" }, take: 50 });
}
