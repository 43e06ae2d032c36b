import type { PrismaClient } from "../db";
import { type StaffUser, verifyStaffCredentials } from "./staff";

/** Failures that lock sign-in for a while: per account (email), and per client address (an attacker trying many accounts). */
export const signInLimits = { perAccount: 5, perAddress: 20, windowMinutes: 15 };

export type SignInAttempt = { email: string; password: string; address: string };
export type SignInOutcome =
  | { ok: true; staff: StaffUser }
  | { ok: false; reason: "failed" }
  | { ok: false; reason: "throttled"; minutes: number };

/**
 * A staff sign-in, throttled: after `perAccount` failures for an account
 * (since its last success) or `perAddress` failures from one address within
 * the window, every attempt is refused, even with the right password, until
 * the window has passed. Each attempt is recorded; the first refused one of a
 * lock is audited. The counts live in Postgres, so every instance agrees.
 */
export async function signInStaff(
  platformDb: PrismaClient,
  attempt: SignInAttempt,
  limits = signInLimits,
  now = new Date(),
): Promise<SignInOutcome> {
  const email = attempt.email.trim().toLowerCase();
  const address = attempt.address.slice(0, 64);
  const windowStart = new Date(now.getTime() - limits.windowMinutes * 60_000);
  const lastSuccess = await platformDb.staffSignIn.findFirst({
    where: { email, outcome: "ok", at: { gte: windowStart } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const [accountFailures, addressFailures] = await Promise.all([
    platformDb.staffSignIn.count({ where: { email, outcome: "failed", at: { gte: lastSuccess?.at ?? windowStart } } }),
    platformDb.staffSignIn.count({ where: { address, outcome: "failed", at: { gte: windowStart } } }),
  ]);
  if (accountFailures >= limits.perAccount || addressFailures >= limits.perAddress) {
    const alreadyLocked = await platformDb.staffSignIn.count({
      where: { OR: [{ email }, { address }], outcome: "throttled", at: { gte: windowStart } },
    });
    await platformDb.staffSignIn.create({ data: { email, address, outcome: "throttled" } });
    if (alreadyLocked === 0)
      await platformDb.platformAuditEvent.create({
        data: {
          actor: `address:${address}`,
          action: "staff.signin.throttled",
          target: `staff:${email}`,
          payload: { address, accountFailures, addressFailures, windowMinutes: limits.windowMinutes },
        },
      });
    return { ok: false, reason: "throttled", minutes: limits.windowMinutes };
  }
  const staff = await verifyStaffCredentials(platformDb, email, attempt.password);
  await platformDb.staffSignIn.create({ data: { email, address, outcome: staff ? "ok" : "failed" } });
  return staff ? { ok: true, staff } : { ok: false, reason: "failed" };
}
