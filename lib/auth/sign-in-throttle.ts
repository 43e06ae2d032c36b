import { Prisma, type PrismaClient } from "../db";

/** Failures that lock sign-in for a while: per account (email), and per client address (an attacker trying many accounts). */
export const signInLimits = { perAccount: 5, perAddress: 20, windowMinutes: 15 };
export type SignInLimits = typeof signInLimits;

/** Where one kind of sign-in (staff, buyers) records its attempts. */
export type AttemptLog = {
  lastSuccess(email: string, since: Date): Promise<Date | undefined>;
  failures(by: { email: string; since: Date } | { address: string; since: Date }): Promise<number>;
  /** refused attempts of a lock already under way, for either the account or the address */
  locked(email: string, address: string, since: Date): Promise<number>;
  record(email: string, address: string, outcome: "ok" | "failed" | "throttled"): Promise<void>;
  /** the first refused attempt of a lock (audited) */
  onLock(email: string, address: string, counts: { accountFailures: number; addressFailures: number }): Promise<void>;
};

export type Throttled<T> = { ok: true; who: T } | { ok: false; reason: "failed" } | { ok: false; reason: "throttled"; minutes: number };

/**
 * A sign-in, throttled: after `perAccount` failures for an account (since its
 * last success) or `perAddress` failures from one address within the window,
 * every attempt is refused, even with the right password, until the window
 * has passed. Each attempt is recorded; the first refused one of a lock is
 * reported. The counts live in Postgres, so every instance agrees.
 */
export async function throttledSignIn<T>(
  log: AttemptLog,
  attempt: { email: string; address: string },
  verify: () => Promise<T | null>,
  limits: SignInLimits,
  now: Date,
): Promise<Throttled<T>> {
  const { email, address } = attempt;
  const windowStart = new Date(now.getTime() - limits.windowMinutes * 60_000);
  const lastSuccess = await log.lastSuccess(email, windowStart);
  const [accountFailures, addressFailures] = await Promise.all([
    log.failures({ email, since: lastSuccess ?? windowStart }),
    log.failures({ address, since: windowStart }),
  ]);
  if (accountFailures >= limits.perAccount || addressFailures >= limits.perAddress) {
    const alreadyLocked = await log.locked(email, address, windowStart);
    await log.record(email, address, "throttled");
    if (alreadyLocked === 0) await log.onLock(email, address, { accountFailures, addressFailures });
    return { ok: false, reason: "throttled", minutes: limits.windowMinutes };
  }
  const who = await verify();
  await log.record(email, address, who ? "ok" : "failed");
  return who ? { ok: true, who } : { ok: false, reason: "failed" };
}

/**
 * The attempt log of one kind of sign-in, in its table (`staff_sign_ins` or
 * `buyer_sign_ins`: the same columns and indexes); the first refused attempt
 * of a lock is a platform audit event `lockAction` on `${subject}:${email}`.
 */
export function attemptTable(
  platformDb: PrismaClient,
  table: "staff_sign_ins" | "buyer_sign_ins",
  lock: { action: string; subject: "staff" | "buyer"; payload?: object },
): AttemptLog {
  const rows = Prisma.raw(table); // one of the two names above, never input
  const count = async (where: Prisma.Sql) =>
    (await platformDb.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${rows} WHERE ${where}`)[0]?.n ?? 0;
  return {
    lastSuccess: async (email, since) =>
      (
        await platformDb.$queryRaw<{ at: Date }[]>`
          SELECT at FROM ${rows} WHERE email = ${email} AND outcome = 'ok' AND at >= ${since} ORDER BY at DESC LIMIT 1`
      )[0]?.at,
    failures: (by) =>
      count(Prisma.sql`${"email" in by ? Prisma.sql`email = ${by.email}` : Prisma.sql`address = ${by.address}`}
        AND outcome = 'failed' AND at >= ${by.since}`),
    locked: (email, address, since) =>
      count(Prisma.sql`(email = ${email} OR address = ${address}) AND outcome = 'throttled' AND at >= ${since}`),
    record: async (email, address, outcome) => {
      await platformDb.$executeRaw`INSERT INTO ${rows} (email, address, outcome) VALUES (${email}, ${address}, ${outcome}::sign_in_outcome)`;
    },
    onLock: async (email, address, counts) => {
      await platformDb.platformAuditEvent.create({
        data: {
          actor: `address:${address}`,
          action: lock.action,
          target: `${lock.subject}:${email}`,
          payload: { address, ...counts, ...lock.payload },
        },
      });
    },
  };
}
