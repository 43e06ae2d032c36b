import type { PrismaClient } from "../db";

/** The staff and the last sign-in attempts (every outcome), for /admin; never a password hash (ops_ro cannot read one). */
export async function readStaff(opsDb: PrismaClient) {
  const [staff, signIns, refusals] = await Promise.all([
    opsDb.staff.findMany({
      orderBy: { createdAt: "asc" },
      select: { id: true, email: true, name: true, role: true, createdAt: true, disabledAt: true },
    }),
    opsDb.staffSignIn.findMany({ orderBy: { at: "desc" }, take: 50 }),
    opsDb.platformAuditEvent.findMany({ where: { action: "staff.action.refused" }, orderBy: { at: "desc" }, take: 50 }),
  ]);
  return { staff, signIns: signIns.map((s) => ({ ...s, id: String(s.id) })), refusals };
}
