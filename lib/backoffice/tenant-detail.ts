import { z } from "zod";
import { Prisma, type PrismaClient } from "../db";
import { maskEmail } from "./mask";

export type TenantSummary = NonNullable<Awaited<ReturnType<typeof tenantSummary>>>;

/** The tenant's header: who it is and what state it is in. `masked`: support sees the contact email partly hidden. */
export async function tenantSummary(opsDb: PrismaClient, tenantId: string, opts: { masked: boolean }) {
  const t = await opsDb.tenant.findUnique({
    where: { id: tenantId },
    select: {
      id: true,
      channel: true,
      externalId: true,
      displayName: true,
      contactEmail: true,
      status: true,
      suspendedAt: true,
      suspensionReason: true,
      closedAt: true,
      createdAt: true,
      subscriptions: { orderBy: { startsAt: "desc" }, take: 1, select: { plan: true, status: true, expiresAt: true, trial: true } },
    },
  });
  if (!t) return null;
  const { subscriptions, ...tenant } = t;
  return { ...tenant, contactEmail: opts.masked ? maskEmail(t.contactEmail) : t.contactEmail, subscription: subscriptions[0] ?? null };
}

export type UsageDay = { day: string; metric: string; quantity: number };

/** What the admin's tenant page shows beside the header; every list bounded. */
export async function tenantDetail(opsDb: PrismaClient, tenantId: string, now = new Date()) {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [subscriptions, orders, invoices, cloud, agents, usage, audit, errors, metering] = await Promise.all([
    opsDb.subscription.findMany({
      where: { tenantId },
      orderBy: { startsAt: "desc" },
      take: 50,
      select: { id: true, plan: true, sku: true, trial: true, status: true, startsAt: true, expiresAt: true, instanceId: true },
    }),
    opsDb.marketplaceOrder.findMany({
      where: { tenantId },
      orderBy: { at: "desc" },
      take: 50,
      select: { id: true, at: true, instanceId: true, action: true, orderId: true, sku: true, expiresAt: true },
    }),
    // a direct tenant's Stripe invoices, as last read from Stripe
    opsDb.stripeInvoice.findMany({
      where: { tenantId },
      orderBy: { syncedAt: "desc" },
      take: 24,
      select: { invoiceId: true, status: true, currency: true, amountDue: true, amountPaid: true, paidAt: true },
    }),
    opsDb.cloudAccess.findMany({
      where: { tenantId },
      select: { provider: true, roleArn: true, status: true, verifiedAt: true, missingPermissions: true, failure: true, updatedAt: true },
    }),
    opsDb.agent.findMany({
      where: { tenantId },
      orderBy: { enrolledAt: "desc" },
      take: 100,
      select: { id: true, hostname: true, os: true, arch: true, agentVersion: true, enrolledAt: true, lastSeenAt: true, revokedAt: true },
    }),
    opsDb.$queryRaw<UsageDay[]>`
      SELECT to_char(date_trunc('day', occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, metric, sum(quantity)::float8 AS quantity
      FROM usage_events WHERE tenant_id = ${tenantId}::uuid AND occurred_at >= ${since}
      GROUP BY 1, 2 ORDER BY 1`,
    opsDb.auditEvent.findMany({
      where: { tenantId },
      orderBy: { at: "desc" },
      take: 50,
      select: { id: true, at: true, actorUid: true, action: true, target: true, traceId: true },
    }),
    opsDb.gatewayTrace.findMany({
      where: { tenantId, code: { not: "OK" }, at: { gte: since } },
      orderBy: { at: "desc" },
      take: 20,
      select: { id: true, traceId: true, at: true, action: true, code: true, httpStatus: true },
    }),
    // each hour's push per channel and metric, newest first: what the channel took, and what is stuck
    opsDb.meteringRecord.findMany({
      where: { tenantId },
      orderBy: [{ hour: "desc" }, { metric: "asc" }],
      take: 100,
      select: {
        id: true,
        hour: true,
        channel: true,
        metric: true,
        dimension: true,
        quantity: true,
        acceptedQuantity: true,
        state: true,
        attempts: true,
        reason: true,
      },
    }),
  ]);
  return {
    subscriptions,
    orders,
    invoices: invoices.map((i) => ({ ...i, amountDue: Number(i.amountDue), amountPaid: Number(i.amountPaid) })),
    cloud: cloud.map((c) => ({ ...c, failure: (c.failure as { code?: string } | null)?.code ?? null })),
    agents,
    usage,
    audit,
    errors: errors.map((e) => ({ ...e, id: String(e.id) })),
    metering: metering.map((m) => ({
      ...m,
      quantity: Number(m.quantity),
      acceptedQuantity: m.acceptedQuantity === null ? null : Number(m.acceptedQuantity),
    })),
  };
}

/**
 * The tenant a support member named by its id, its account id or one of its
 * marketplace instance ids: undefined when none, or more than one, matches
 * (two channels may spell the same account id), so no guess is ever shown.
 */
export async function findTenantId(opsDb: PrismaClient, ref: string): Promise<string | undefined> {
  if (ref.length > 128) return undefined;
  // each branch on its own index: a tenant id by the primary key (only when it is one), accounts, instances
  const byId = z.uuid().safeParse(ref).success
    ? Prisma.sql`SELECT ${ref}::uuid AS id FROM tenants WHERE id = ${ref}::uuid UNION `
    : Prisma.empty;
  const rows = await opsDb.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM (${byId}SELECT id FROM tenants WHERE external_id = ${ref}
      UNION SELECT tenant_id FROM subscriptions WHERE instance_id = ${ref}) found
    LIMIT 2`;
  return rows.length === 1 ? rows[0]?.id : undefined;
}
