import type { PrismaClient } from "../db";
import { type AttemptLog, type SignInLimits, signInLimits, throttledSignIn } from "./sign-in-throttle";
import { type StaffUser, verifyStaffCredentials } from "./staff";

export { signInLimits } from "./sign-in-throttle";

export type SignInAttempt = { email: string; password: string; address: string };
export type SignInOutcome =
  | { ok: true; staff: StaffUser }
  | { ok: false; reason: "failed" }
  | { ok: false; reason: "throttled"; minutes: number };

/** Staff sign-in attempts, in staff_sign_ins; a lock is audited on the platform. */
function staffAttempts(platformDb: PrismaClient, limits: SignInLimits): AttemptLog {
  const log = platformDb.staffSignIn;
  return {
    lastSuccess: async (email, since) =>
      (await log.findFirst({ where: { email, outcome: "ok", at: { gte: since } }, orderBy: { at: "desc" }, select: { at: true } }))?.at,
    failures: ({ since, ...by }) => log.count({ where: { ...by, outcome: "failed", at: { gte: since } } }),
    locked: (email, address, since) => log.count({ where: { OR: [{ email }, { address }], outcome: "throttled", at: { gte: since } } }),
    record: async (email, address, outcome) => {
      await log.create({ data: { email, address, outcome } });
    },
    onLock: async (email, address, counts) => {
      await platformDb.platformAuditEvent.create({
        data: {
          actor: `address:${address}`,
          action: "staff.signin.throttled",
          target: `staff:${email}`,
          payload: { address, ...counts, windowMinutes: limits.windowMinutes },
        },
      });
    },
  };
}

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
    staffAttempts(platformDb, limits),
    { email, address },
    () => verifyStaffCredentials(platformDb, email, attempt.password),
    limits,
    now,
  );
  return out.ok ? { ok: true, staff: out.who } : out;
}
