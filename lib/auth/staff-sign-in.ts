import type { PrismaClient } from "../db";
import { attemptTable, signInLimits, throttledSignIn } from "./sign-in-throttle";
import { type StaffUser, verifyStaffCredentials } from "./staff";

export { signInLimits } from "./sign-in-throttle";

export type SignInAttempt = { email: string; password: string; address: string };
export type SignInOutcome =
  | { ok: true; staff: StaffUser }
  | { ok: false; reason: "failed" }
  | { ok: false; reason: "throttled"; minutes: number };

/** A staff sign-in, throttled per account and per address (sign-in-throttle.ts). */
export async function signInStaff(
  platformDb: PrismaClient,
  attempt: SignInAttempt,
  limits = signInLimits,
  now = new Date(),
): Promise<SignInOutcome> {
  const email = attempt.email.trim().toLowerCase();
  const address = attempt.address.slice(0, 64);
  const out = await throttledSignIn(
    // a lock is audited with the window it lasts
    attemptTable(platformDb, "staff_sign_ins", {
      action: "staff.signin.throttled",
      subject: "staff",
      payload: { windowMinutes: limits.windowMinutes },
    }),
    { email, address },
    () => verifyStaffCredentials(platformDb, email, attempt.password),
    limits,
    now,
  );
  return out.ok ? { ok: true, staff: out.who } : out;
}
