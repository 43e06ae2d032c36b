import { type AliyunAccessConfig, type AwsAccessConfig, verifyAliyunAccess, verifyAwsAccess } from "../cloud";
import { Prisma, type PrismaClient, platformTransaction } from "../db";
import { textField } from "../http";
import { type ReconcileAliyunDeps, reconcileAliyunInstances } from "../jobs";
import { type AwsDeps, reconcileAwsAccount } from "../marketplace";
import type { StaffMember } from "./access-audit";

/** Every deliberate staff action carries a written reason, kept in the audit entry. */
export const staffReason = textField(500).min(5);

export type StaffActionResult =
  | { ok: true }
  | {
      ok: false;
      code:
        | "NotFound"
        | "AlreadyInState"
        | "NoRole"
        | "NotConfigured"
        | "NotMarketplace"
        | "MarketplaceNotConfigured"
        | "MarketplaceFailed";
    };

const actor = (staff: StaffMember) => `staff:${staff.email}`;

/**
 * Suspends or resumes a tenant, and records who did it and why in the same
 * transaction. The check is in the `where`: a tenant already in that state
 * (or none) changes nothing and is answered as such. The gateway reads
 * `suspended_at` with the caller's context on every call, so the next
 * mutation is refused; agents learn it within the directory's 15 s.
 */
export function setTenantSuspended(
  platformDb: PrismaClient,
  staff: StaffMember,
  tenantId: string,
  suspend: boolean,
  reason: string,
): Promise<StaffActionResult> {
  return platformTransaction(platformDb, async (tx) => {
    const now = new Date();
    const { count } = await tx.tenant.updateMany({
      where: { id: tenantId, suspendedAt: suspend ? null : { not: null } },
      data: suspend
        ? { suspendedAt: now, suspensionReason: reason, updatedAt: now }
        : { suspendedAt: null, suspensionReason: null, updatedAt: now },
    });
    if (count === 0) return { ok: false, code: (await tx.tenant.count({ where: { id: tenantId } })) ? "AlreadyInState" : "NotFound" };
    await tx.platformAuditEvent.create({
      data: {
        actor: actor(staff),
        action: suspend ? "tenant.suspended" : "tenant.resumed",
        target: `tenant:${tenantId}`,
        payload: { staffId: staff.id, reason },
      },
    });
    return { ok: true };
  });
}

/**
 * Verifies a tenant's bound roles again now: each cloud is asked with no
 * transaction open, then what it answered is written (only if the role is
 * still the one asked about) with the audit entry.
 */
export async function reverifyTenantRole(
  platformDb: PrismaClient,
  clouds: { aliyun?: AliyunAccessConfig | undefined; aws?: AwsAccessConfig | undefined },
  staff: StaffMember,
  tenantId: string,
  reason: string,
): Promise<StaffActionResult> {
  const bound = await platformDb.cloudAccess.findMany({ where: { tenantId, roleArn: { not: null } } });
  if (bound.length === 0) return { ok: false, code: (await platformDb.tenant.count({ where: { id: tenantId } })) ? "NoRole" : "NotFound" };
  const results: { access: (typeof bound)[number]; roleArn: string; result: Awaited<ReturnType<typeof verifyAwsAccess>> }[] = [];
  for (const access of bound) {
    const roleArn = access.roleArn as string;
    const result =
      access.provider === "aws"
        ? clouds.aws && (await verifyAwsAccess(clouds.aws, roleArn, access.externalId, tenantId))
        : clouds.aliyun && (await verifyAliyunAccess(clouds.aliyun, roleArn, access.externalId, tenantId));
    if (!result) return { ok: false, code: "NotConfigured" };
    results.push({ access, roleArn, result });
  }
  await platformTransaction(platformDb, async (tx) => {
    for (const { access, roleArn, result } of results)
      await tx.cloudAccess.updateMany({
        where: { tenantId, provider: access.provider, roleArn },
        data: {
          status: result.status,
          verifiedAt: new Date(),
          missingPermissions: result.missing,
          failure: result.failure ?? Prisma.DbNull,
          updatedAt: new Date(),
        },
      });
    await tx.platformAuditEvent.create({
      data: {
        actor: actor(staff),
        action: "cloud.role.reverified",
        target: `tenant:${tenantId}`,
        payload: { staffId: staff.id, reason, outcomes: results.map((r) => ({ provider: r.access.provider, status: r.result.status })) },
      },
    });
  });
  return { ok: true };
}

/**
 * A dead metering record back to `pending`, due now: the next push sends it
 * with its own identifiers (a channel takes a record once). One still past
 * its channel's window is marked dead again by that push, with the reason.
 * The transition is logged with the record's others, and audited.
 */
export function retryMeteringRecord(
  platformDb: PrismaClient,
  staff: StaffMember,
  tenantId: string,
  recordId: string,
  reason: string,
): Promise<StaffActionResult> {
  return platformTransaction(platformDb, async (tx) => {
    const { count } = await tx.meteringRecord.updateMany({
      where: { tenantId, id: recordId, state: "dead" },
      data: { state: "pending", nextAttemptAt: new Date() },
    });
    if (count === 0)
      return { ok: false, code: (await tx.meteringRecord.count({ where: { tenantId, id: recordId } })) ? "AlreadyInState" : "NotFound" };
    await tx.meteringLog.create({ data: { tenantId, recordId, state: "pending", detail: { retriedBy: staff.email, reason } } });
    await tx.platformAuditEvent.create({
      data: {
        actor: actor(staff),
        action: "metering.record.retried",
        target: `tenant:${tenantId}`,
        payload: { staffId: staff.id, recordId, reason },
      },
    });
    return { ok: true };
  });
}

/** A signed-in staff member tried what their role may not: kept, with what they tried. */
export async function recordRefusedAttempt(platformDb: PrismaClient, staff: StaffMember, attempted: string) {
  await platformDb.platformAuditEvent.create({
    data: {
      actor: actor(staff),
      action: "staff.action.refused",
      target: `action:${attempted}`,
      payload: { staffId: staff.id, role: staff.role },
    },
  });
}

/** What reconciling needs per channel: Alibaba's Market API and SPI, AWS's entitlements (either unconfigured: undefined). */
export type ReconcileDeps = {
  aliyun: ReconcileAliyunDeps | undefined;
  aws: (AwsDeps & { platformDb: PrismaClient }) | undefined;
};

/**
 * Reconciles one tenant with its marketplace now. Alibaba: as the 15-minute
 * job does for all, each live instance's DescribeInstance, a missed expiry,
 * release or renewal applied through the inbox. AWS: the buyer's entitlements
 * read again, a missed `entitlement-updated` applied. The calls are made with
 * no transaction open; the outcome is audited with the staff member's reason.
 */
export async function reconcileTenantWithMarketplace(
  deps: ReconcileDeps,
  platformDb: PrismaClient,
  staff: StaffMember,
  tenantId: string,
  reason: string,
): Promise<StaffActionResult> {
  const tenant = await platformDb.tenant.findUnique({ where: { id: tenantId }, select: { channel: true, externalId: true } });
  if (!tenant) return { ok: false, code: "NotFound" };
  if (tenant.channel !== "aliyun" && tenant.channel !== "aws") return { ok: false, code: "NotMarketplace" };
  const report =
    tenant.channel === "aliyun"
      ? deps.aliyun && (await reconcileAliyunInstances(deps.aliyun, tenantId))
      : deps.aws && (await reconcileAwsAccount(deps.aws, tenant.externalId));
  if (!report) return { ok: false, code: "MarketplaceNotConfigured" };
  await platformDb.platformAuditEvent.create({
    data: {
      actor: actor(staff),
      action: "marketplace.reconciled",
      target: `tenant:${tenantId}`,
      payload: { staffId: staff.id, reason, ...report },
    },
  });
  return report.failed.length ? { ok: false, code: "MarketplaceFailed" } : { ok: true };
}
