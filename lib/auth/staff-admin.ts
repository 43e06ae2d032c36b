import { createHash, randomBytes } from "node:crypto";
import { type PrismaClient, platformTransaction } from "../db";
import { hashPassword } from "./password";
import type { StaffRole } from "./staff";

/** An invitation link works this long, once. */
export const inviteDays = 7;
/** What an invited member's password hash holds until they choose one: no password ever matches it. */
const noPasswordYet = "invited";

type Actor = { id: string; email: string };
const digest = (token: string) => createHash("sha256").update(token).digest("hex");
const audit = (by: Actor, action: string, target: string, payload: object) => ({
  data: { actor: `staff:${by.email}`, action, target: `staff:${target}`, payload: { staffId: by.id, ...payload } },
});

/**
 * Invites a member: their row exists at once (disabled sign-in until they
 * choose a password); the token is returned once, for the link, and only its
 * digest is stored. An email already on the staff list is refused.
 */
export async function inviteStaff(
  platformDb: PrismaClient,
  by: Actor,
  member: { email: string; name: string; role: StaffRole },
  now = new Date(),
): Promise<{ ok: true; token: string } | { ok: false; code: "Exists" }> {
  const email = member.email.trim().toLowerCase();
  const token = randomBytes(32).toString("base64url");
  const expires = new Date(now.getTime() + inviteDays * 86_400_000);
  return platformTransaction(platformDb, async (tx) => {
    const created = await tx.$executeRaw`
      INSERT INTO staff (email, name, role, password_hash, invite_hash, invite_expires_at)
      VALUES (${email}, ${member.name}, ${member.role}::staff_role, ${noPasswordYet}, ${digest(token)}, ${expires})
      ON CONFLICT (email) DO NOTHING`;
    if (created === 0) return { ok: false, code: "Exists" };
    await tx.platformAuditEvent.create(audit(by, "staff.invited", email, { role: member.role }));
    return { ok: true, token };
  });
}

/** The invited member chooses a password: the token works once, until it expires. */
export async function acceptInvite(platformDb: PrismaClient, token: string, password: string, now = new Date()): Promise<boolean> {
  if (!/^[\w-]{43}$/.test(token)) return false;
  const passwordHash = await hashPassword(password);
  const { count } = await platformDb.staff.updateMany({
    where: { inviteHash: digest(token), inviteExpiresAt: { gt: now } },
    data: { passwordHash, inviteHash: null, inviteExpiresAt: null },
  });
  return count === 1;
}

/**
 * Disables, enables or changes the role of another member (never oneself: an
 * admin cannot lock the last door behind them by accident). Audited.
 */
export async function changeStaff(
  platformDb: PrismaClient,
  by: Actor,
  staffId: string,
  change: { disabled: boolean } | { role: StaffRole },
): Promise<{ ok: true } | { ok: false; code: "Self" | "NotFound" }> {
  if (staffId === by.id) return { ok: false, code: "Self" };
  return platformTransaction(platformDb, async (tx) => {
    const member = await tx.staff.findUnique({ where: { id: staffId }, select: { email: true } });
    if (!member) return { ok: false, code: "NotFound" };
    if ("role" in change) {
      await tx.staff.update({ where: { id: staffId }, data: { role: change.role } });
      await tx.platformAuditEvent.create(audit(by, "staff.role.changed", member.email, { role: change.role }));
    } else {
      await tx.staff.update({ where: { id: staffId }, data: { disabledAt: change.disabled ? new Date() : null } });
      await tx.platformAuditEvent.create(audit(by, change.disabled ? "staff.disabled" : "staff.enabled", member.email, {}));
    }
    return { ok: true };
  });
}
