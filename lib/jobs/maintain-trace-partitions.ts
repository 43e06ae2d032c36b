import type { Prisma, PrismaClient } from "../db";

/** Days ahead whose partitions exist at all times: a day without one could not take its traces. */
const daysAhead = 2;

/**
 * Gateway traces (and the counts of unauthenticated refusals) live in one
 * partition per UTC day: creates today's and the next days' where missing and
 * drops the days older than `retentionDays`, whole, through
 * `maintain_gateway_partitions` (prisma/migrations/20261130110000_trace_partitions),
 * which runs as the tables' owner so the platform role need not own them.
 */
export async function maintainTracePartitions(
  platformDb: PrismaClient | Prisma.TransactionClient,
  opts: { retentionDays: number; now: Date },
): Promise<{ created: string[]; dropped: string[] }> {
  const today = opts.now.toISOString().slice(0, 10);
  const [result] = await platformDb.$queryRaw<{ created: string[]; dropped: string[] }[]>`
    SELECT created, dropped FROM maintain_gateway_partitions(${opts.retentionDays}::int, ${daysAhead}::int, ${today}::date)`;
  return result ?? { created: [], dropped: [] };
}
