import { redirect } from "next/navigation";
import { currentStaff } from "@/components/backoffice/require-staff";

/**
 * Where a sign-in that asked for no page lands: the signed-in staff member's
 * own area. A page, not a route handler, so that the router following the
 * sign-in's redirect shows the area's address too.
 */
export default async function StaffHome() {
  const staff = await currentStaff();
  redirect(!staff ? "/signin" : staff.role === "support" ? "/ops" : "/admin");
}
