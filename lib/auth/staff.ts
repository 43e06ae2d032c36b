import type { PrismaClient } from "../db";
import { hashPassword, verifyPassword } from "./password";

export type StaffRole = "isv_admin" | "support";
export type StaffUser = { id: string; email: string; name: string; role: StaffRole };

// compared against when the email is unknown, so both paths take as long
const decoy = hashPassword("decoy-password-never-matches");

/** Staff sign-in check: the staff table is platform data, not tenant data. A disabled member is refused like a wrong password. */
export async function verifyStaffCredentials(platformDb: PrismaClient, email: string, password: string): Promise<StaffUser | null> {
  const staff = await platformDb.staff.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verifyPassword(password, staff?.passwordHash ?? (await decoy));
  if (!staff || !ok || staff.disabledAt) return null;
  return { id: staff.id, email: staff.email, name: staff.name, role: staff.role };
}
