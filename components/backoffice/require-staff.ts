import { redirect } from "next/navigation";
import { auth, type StaffRole } from "@/lib/auth";
import { recordRefusedAttempt, type StaffMember } from "@/lib/backoffice";
import { runtime } from "@/lib/runtime";

export type StaffArea = "/admin" | "/ops" | "/sandbox";
export type SignedInStaff = StaffMember & { name: string; role: StaffRole };

/**
 * The signed-in staff member as the staff table says now: a member disabled
 * or given another role since signing in is treated as such at the next page
 * or action, not when the session expires. Anonymous: null.
 */
export async function currentStaff(): Promise<SignedInStaff | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const staff = await runtime().db.opsDb.staff.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (!staff || staff.disabledAt) return null;
  return { id: staff.id, email: staff.email, name: staff.name, role: staff.role };
}

/** For pages: the staff member if their role may open this area, else off to sign-in. */
export async function requireStaff(area: StaffArea, allowed: readonly StaffRole[]): Promise<SignedInStaff> {
  const staff = await currentStaff();
  if (!staff) redirect(`/signin?next=${area}`);
  if (!allowed.includes(staff.role)) redirect(`/signin?error=forbidden&next=${area}`);
  return staff;
}

/**
 * For /admin's server actions and routes, first thing: an ISV admin, or the
 * refusal. Anonymous callers are sent to sign-in; a signed-in member of
 * another role is refused (the page shows 403) and the attempt is audited
 * with what was tried.
 */
export async function requireAdminFor(attempted: string): Promise<{ ok: true; staff: SignedInStaff } | { ok: false; status: 403 }> {
  const staff = await currentStaff();
  if (!staff) redirect("/signin?next=/admin");
  if (staff.role === "isv_admin") return { ok: true, staff };
  await recordRefusedAttempt(runtime().db.platformDb, staff, attempted);
  return { ok: false, status: 403 };
}
