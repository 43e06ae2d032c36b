import { cookies } from "next/headers";
import { consoleCookie, openConsoleSession } from "@/lib/auth";
import { runtime } from "@/lib/runtime";

/** The buyer this browser's console session names, or null. */
export async function currentBuyer() {
  const cookie = (await cookies()).get(consoleCookie)?.value;
  return openConsoleSession(runtime().config.AUTH_SECRET, cookie);
}
