import { notFound } from "next/navigation";
import { requireStaff } from "@/components/backoffice/require-staff";
import { listensBeyondLoopback } from "@/lib/config";
import { runtime } from "@/lib/runtime";

/**
 * The sandbox plays every marketplace with the ISV's own keys: anyone using it
 * can buy, release and sign in as any sandbox buyer. Off: not found. On a
 * server other machines can reach (HOST beyond loopback): ISV admins only.
 * Every sandbox page, server action and route handler calls this first.
 */
export async function requireSandbox() {
  const { config } = runtime();
  if (config.SANDBOX !== "on") notFound();
  if (listensBeyondLoopback(config.HOST)) await requireStaff("/sandbox", ["isv_admin"]);
}
