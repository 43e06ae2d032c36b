import { runtime } from "../runtime";
import { findTraces } from "../trace";

// Staff views read through the SELECT-only role: neither /admin nor /ops
// changes anything yet, so neither needs more.

export type TenantRow = {
  id: string;
  channel: string;
  externalId: string;
  displayName: string;
  status: string;
  plan: string | null;
  expiresAt: Date | null;
  createdAt: Date;
  /** e.g. "verified", "failed", "pending"; null when no role is bound */
  cloud: string | null;
  /** why the role cannot be used, as lib/cloud's failure code */
  cloudFailure: string | null;
};

export async function listTenants(): Promise<TenantRow[]> {
  const tenants = await runtime().db.opsDb.tenant.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    include: { subscriptions: { orderBy: { startsAt: "desc" }, take: 1 }, cloudAccess: { where: { roleArn: { not: null } }, take: 1 } },
  });
  return tenants.map((t) => ({
    id: t.id,
    channel: t.channel,
    externalId: t.externalId,
    displayName: t.displayName,
    status: t.status,
    plan: t.subscriptions[0]?.plan ?? null,
    expiresAt: t.subscriptions[0]?.expiresAt ?? null,
    createdAt: t.createdAt,
    cloud: t.cloudAccess[0]?.status ?? null,
    cloudFailure: (t.cloudAccess[0]?.failure as { code?: string } | null)?.code ?? null,
  }));
}

/** One account's tenant and subscriptions, for the sandbox's "resulting state". */
export function tenantState(channel: "aliyun" | "aws" | "direct", externalId: string) {
  return runtime().db.opsDb.tenant.findUnique({
    where: { channel_externalId: { channel, externalId } },
    select: {
      id: true,
      status: true,
      closedAt: true,
      subscriptions: { select: { instanceId: true, plan: true, sku: true, trial: true, status: true, expiresAt: true } },
      cloudAccess: { select: { provider: true, roleArn: true, externalId: true, status: true } },
    },
  });
}

export async function lookupTrace(traceId: string) {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(traceId)) return [];
  await runtime().traces.flush();
  return findTraces(runtime().db.opsDb, traceId);
}

/** The account that holds an Alibaba instance, if any: the sandbox sells an instance id once. */
export async function instanceHolder(instanceId: string): Promise<string | null> {
  const sub = await runtime().db.opsDb.subscription.findFirst({
    where: { instanceId, tenant: { channel: "aliyun" } },
    select: { tenant: { select: { externalId: true } } },
  });
  return sub?.tenant.externalId ?? null;
}
