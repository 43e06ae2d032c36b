import type { PrismaClient } from "../db";
import { verifyAccountPassword } from "./password";

export type StaffRole = "isv_admin" | "support";
export type StaffUser = { id: string; email: string; name: string; role: StaffRole };

/** Staff sign-in check: the staff table is platform data, not tenant data. A disabled member is refused like a wrong password. */
export async function verifyStaffCredentials(platformDb: PrismaClient, email: string, password: string): Promise<StaffUser | null> {
  const staff = await platformDb.staff.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verifyAccountPassword(password, staff?.passwordHash);
  if (!staff || !ok || staff.disabledAt) return null;
  return { id: staff.id, email: staff.email, name: staff.name, role: staff.role };
}
