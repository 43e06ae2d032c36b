import type { PrismaClient } from "../db";

export type StaffMember = { id: string; email: string; role: string };

/**
 * Support opened a tenant: who, which, when and why (optional), one row per
 * opening, written through the platform role (ops_ro writes nothing).
 */
export async function recordTenantView(platformDb: PrismaClient, staff: StaffMember, tenantId: string, reason: string | undefined) {
  await platformDb.platformAuditEvent.create({
    data: {
      actor: `staff:${staff.email}`,
      action: "ops.tenant.viewed",
      target: `tenant:${tenantId}`,
      payload: { staffId: staff.id, role: staff.role, ...(reason && { reason: reason.slice(0, 500) }) },
    },
  });
}

export type TenantView = { id: string; at: Date; actor: string; tenantId: string; reason: string | null };

/** The access audit, newest first, for admins. */
export async function listTenantViews(opsDb: PrismaClient, take = 100): Promise<TenantView[]> {
  const rows = await opsDb.platformAuditEvent.findMany({
    where: { action: "ops.tenant.viewed" },
    orderBy: { at: "desc" },
    take,
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor.replace(/^staff:/, ""),
    tenantId: r.target.replace(/^tenant:/, ""),
    reason: (r.payload as { reason?: string }).reason ?? null,
  }));
}
