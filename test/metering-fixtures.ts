import { randomUUID } from "node:crypto";
import { type BillingChannel, dimensionOf, type MetricId } from "../lib/billing";
import type { PrismaClient } from "../lib/db";
import { createTenant, type TestTenant } from "./factories";

export const hourMs = 3_600_000;
/** This hour: every channel takes it for an hour or more. */
export const thisHour = () => new Date(Math.floor(Date.now() / hourMs) * hourMs);

/** A tenant of `channel` whose latest subscription bills `instanceId` (Alibaba instance, AWS LicenseArn). */
export async function billedTenant(platformDb: PrismaClient, channel: BillingChannel, instanceId: string | null): Promise<TestTenant> {
  const t = await createTenant(platformDb, { channel });
  await platformDb.subscription.updateMany({ where: { tenantId: t.id }, data: { instanceId } });
  return t;
}

/** Ledger events recorded in `hour`, one per quantity, as the API would have recorded them. */
export async function ledgerEvents(platformDb: PrismaClient, t: TestTenant, metric: string, quantities: number[], hour: Date) {
  for (const [i, q] of quantities.entries())
    await platformDb.usageEvent.create({
      data: {
        tenantId: t.id,
        metric,
        quantity: q,
        occurredAt: new Date(hour.getTime() + i * 1000),
        recordedAt: new Date(hour.getTime() + 60_000 + i * 1000),
        idempotencyKey: `fx-${randomUUID()}`,
        source: "api",
      },
    });
}

/**
 * What aggregating `hour` makes of a tenant's usage, for tests that push a
 * channel without summing a shared hour: the ledger events and the record.
 */
export async function recordFor(platformDb: PrismaClient, t: TestTenant, metric: MetricId, quantities: number[], hour: Date) {
  await ledgerEvents(platformDb, t, metric, quantities, hour);
  const dimension = dimensionOf(metric, t.channel) as string;
  return platformDb.meteringRecord.create({
    data: { tenantId: t.id, channel: t.channel, metric, hour, dimension, quantity: quantities.reduce((a, b) => a + b, 0) },
  });
}

/** A tenant's records and the states each passed through, oldest first. */
export async function meteringOf(platformDb: PrismaClient, t: TestTenant) {
  const records = await platformDb.meteringRecord.findMany({ where: { tenantId: t.id }, orderBy: [{ hour: "asc" }, { metric: "asc" }] });
  const log = await platformDb.meteringLog.findMany({ where: { tenantId: t.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return records.map((r) => ({
    metric: r.metric,
    state: r.state,
    quantity: Number(r.quantity),
    accepted: r.acceptedQuantity === null ? null : Number(r.acceptedQuantity),
    reason: r.reason,
    attempts: r.attempts,
    states: log.filter((l) => l.recordId === r.id).map((l) => l.state),
  }));
}
