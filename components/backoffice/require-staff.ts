import { redirect } from "next/navigation";
import { auth, type StaffRole } from "@/lib/auth";

export type StaffArea = "/admin" | "/ops" | "/sandbox";

/** The signed-in staff member if their role may open this area, else off to sign-in. */
export async function requireStaff(area: StaffArea, allowed: readonly StaffRole[]) {
  const session = await auth();
  if (!session?.user) redirect(`/signin?next=${area}`);
  if (!allowed.includes(session.user.role)) redirect(`/signin?error=forbidden&next=${area}`);
  return session.user;
}
