import { z } from "zod";
import { type Prisma, type PrismaClient, platformTransaction } from "../db";
import { createRateLimiter } from "../gateway";
import type { ConsoleIdentity } from "../runtime/call-action";
import { hashPassword, verifyAccountPassword } from "./password";
import { seal, unseal } from "./sealed";
import { attemptTable, type SignInLimits, signInLimits, type Throttled, throttledSignIn } from "./sign-in-throttle";

/**
 * Direct buyers (docs/billing.md): sign up with email and password (scrypt,
 * as staff passwords), verify the email by a sealed link, then sign in,
 * throttled as staff sign-in is. Verifying creates the buyer's `direct`
 * tenant (external id = the buyer's id) with the buyer as owner; it stays
 * frozen until Stripe says a subscription is paid.
 */
export const signUpSchema = z.object({
  email: z
    .email()
    .max(254)
    .transform((e) => e.trim().toLowerCase()),
  password: z.string().min(10).max(200),
  company: z.string().trim().min(1).max(128),
});
export type SignUp = z.output<typeof signUpSchema>;

const verifyPurpose = "buyer-verify";
const verifyTtlSeconds = 24 * 3600;
const tokenSchema = z.object({ buyer: z.uuid(), email: z.string(), company: z.string().max(128), signUp: z.uuid() });

/** A message for the buyer, and the link it carries (development: printed to the log). */
export type BuyerMail = { to: string; kind: "verify" | "already-registered"; link: string };

/**
 * Records the sign-up and answers the mail to send. The answer is the same
 * whether the email is new or not (no account enumeration): a known, verified
 * address gets a "you already have an account" mail instead of a link.
 */
export async function signUpBuyer(
  platformDb: PrismaClient,
  form: SignUp,
  opts: { secret: string; publicUrl: string; now?: Date },
): Promise<BuyerMail> {
  const now = opts.now ?? new Date();
  const passwordHash = await hashPassword(form.password);
  await platformDb.directBuyer.createMany({ data: [{ email: form.email, passwordHash }], skipDuplicates: true });
  const buyer = await platformDb.directBuyer.findUniqueOrThrow({ where: { email: form.email } });
  if (buyer.verifiedAt) return { to: form.email, kind: "already-registered", link: `${opts.publicUrl}/account/signin` };
  // each sign-up keeps its password until its own link is opened: another sign-up with this
  // email (perhaps not its owner's) changes nothing of the account the owner then verifies
  const signUp = await platformTransaction(platformDb, async (tx) => {
    // sign-ups whose links have expired go with each new one
    await tx.buyerSignUp.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - verifyTtlSeconds * 1000) } } });
    return tx.buyerSignUp.create({ data: { buyerId: buyer.id, passwordHash }, select: { id: true } });
  });
  const token = seal(
    opts.secret,
    verifyPurpose,
    { buyer: buyer.id, email: buyer.email, company: form.company, signUp: signUp.id },
    Math.floor(now.getTime() / 1000) + verifyTtlSeconds,
  );
  return { to: form.email, kind: "verify", link: `${opts.publicUrl}/account/verify?token=${encodeURIComponent(token)}` };
}

/** Opens a verification link: the buyer verified, their tenant made (once); null for a bad or expired link. */
export async function verifyBuyer(
  platformDb: PrismaClient,
  token: string,
  secret: string,
  now = new Date(),
): Promise<ConsoleIdentity | null> {
  const claim = unseal(secret, verifyPurpose, token, tokenSchema, now.getTime());
  if (!claim) return null;
  return platformTransaction(platformDb, async (tx) => {
    // locked: a double click waits for the first, then finds the buyer verified
    const [buyer] = await tx.$queryRaw<{ id: string; email: string; verified: boolean }[]>`
      SELECT id, email, verified_at IS NOT NULL AS verified FROM direct_buyers WHERE id = ${claim.buyer}::uuid FOR UPDATE`;
    if (buyer?.email !== claim.email) return null;
    if (!buyer.verified) {
      // the password of the sign-up this link was made for; its other sign-ups are void
      const signUp = await tx.buyerSignUp.findUnique({ where: { id: claim.signUp } });
      if (signUp?.buyerId !== buyer.id) return null;
      await tx.directBuyer.update({ where: { id: buyer.id }, data: { verifiedAt: now, passwordHash: signUp.passwordHash } });
      await tx.buyerSignUp.deleteMany({ where: { buyerId: buyer.id } });
    }
    await ensureDirectTenant(tx, buyer, claim.company);
    return identityOf(buyer);
  });
}

/** Sign-ups each address, and mails each email, may make in a burst; then one per `minutesEach`. */
export const signUpLimits = { perAddress: 10, perEmail: 3, minutesEach: 5 };

/**
 * Sign-ups cost a scrypt and send a mail: a token bucket per client address
 * and per email (this process's memory, as the gateway's limits). Answers 0,
 * or the minutes to wait.
 */
export function createSignUpThrottle(limits = signUpLimits, now: () => number = Date.now) {
  const perSecond = 1 / (limits.minutesEach * 60);
  const byAddress = createRateLimiter({ perSecond, burst: limits.perAddress }, now);
  const byEmail = createRateLimiter({ perSecond, burst: limits.perEmail }, now);
  return (address: string, email: string): number => {
    const wait = Math.max(byAddress(address), byEmail(email.trim().toLowerCase()));
    return wait === 0 ? 0 : Math.ceil(wait / 60);
  };
}

/**
 * The buyer's direct tenant and their owner membership, made if missing:
 * race-free (a double click), and again after a closed tenant was purged.
 */
async function ensureDirectTenant(tx: Prisma.TransactionClient, buyer: { id: string; email: string }, company: string) {
  await tx.$executeRaw`
    INSERT INTO tenants (channel, external_id, display_name, contact_email, status)
    VALUES ('direct'::channel, ${buyer.id}, ${company}, ${buyer.email}, 'frozen')
    ON CONFLICT (channel, external_id) DO NOTHING`;
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { channel_externalId: { channel: "direct", externalId: buyer.id } } });
  await tx.$executeRaw`
    INSERT INTO memberships (tenant_id, uid, role, name) VALUES (${tenant.id}::uuid, ${buyer.id}, 'owner', ${buyer.email})
    ON CONFLICT (tenant_id, uid) DO NOTHING`;
}

export type BuyerSignIn = Throttled<ConsoleIdentity> | { ok: false; reason: "unverified" };

/** A buyer's sign-in, throttled per account and per address; a right password on an unverified email is refused as such. */
export async function signInDirectBuyer(
  platformDb: PrismaClient,
  attempt: { email: string; password: string; address: string },
  limits = signInLimits,
  now = new Date(),
): Promise<BuyerSignIn> {
  const email = attempt.email.trim().toLowerCase();
  const address = attempt.address.slice(0, 64);
  let unverified = false;
  const out = await throttledSignIn(
    attemptTable(platformDb, "buyer_sign_ins", { action: "buyer.signin.throttled", subject: "buyer" }),
    { email, address },
    async () => {
      const buyer = await platformDb.directBuyer.findUnique({ where: { email } });
      // a wrong email costs the same scrypt as a wrong password
      const ok = await verifyAccountPassword(attempt.password, buyer?.passwordHash);
      if (!buyer || !ok) return null;
      unverified = !buyer.verifiedAt;
      return identityOf(buyer);
    },
    limits,
    now,
  );
  if (out.ok && unverified) return { ok: false, reason: "unverified" };
  // a closed tenant is purged after its grace period: the buyer's account outlives it
  if (out.ok) await platformTransaction(platformDb, (tx) => ensureDirectTenant(tx, { id: out.who.uid, email }, email));
  return out;
}

const identityOf = (buyer: { id: string; email: string }): ConsoleIdentity => ({
  channel: "direct",
  uid: buyer.id,
  parentUid: buyer.id,
  name: buyer.email,
});

export type { SignInLimits };
