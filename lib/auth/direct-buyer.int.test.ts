import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, type Database } from "../db";
import { createSignUpThrottle, signInDirectBuyer, signUpBuyer, signUpSchema, verifyBuyer } from "./direct-buyer";
import { signInLimits } from "./sign-in-throttle";

const secret = "test-auth-secret-0123456789abcdef0123";
let db: Database;
beforeAll(() => {
  db = createDatabase(inject("dbUrls"), 2);
});
afterAll(() => db.close());

const address = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;
const form = (email = `Buyer-${randomUUID().slice(0, 8)}@Example.com`) =>
  signUpSchema.parse({ email, password: "long-enough-password", company: "Acme Migration" });
const signUp = (f: ReturnType<typeof form>) => signUpBuyer(db.platformDb, f, { secret, publicUrl: "http://skyport.test" });
const tokenOf = (link: string) => new URL(link).searchParams.get("token") as string;

describe("direct buyers", () => {
  it("sign up, are refused until verified, and verifying makes one frozen direct tenant with the buyer as owner", async () => {
    const f = form();
    const mail = await signUp(f);
    expect(mail).toMatchObject({ to: f.email, kind: "verify" });
    expect(f.email).toBe(f.email.toLowerCase());
    expect(await signInDirectBuyer(db.platformDb, { email: f.email, password: f.password, address: address() })).toEqual({
      ok: false,
      reason: "unverified",
    });
    const [who, again] = await Promise.all([
      verifyBuyer(db.platformDb, tokenOf(mail.link), secret),
      verifyBuyer(db.platformDb, tokenOf(mail.link), secret),
    ]);
    expect(who).toMatchObject({ channel: "direct", name: f.email });
    expect(again).toEqual(who);
    const tenants = await db.platformDb.tenant.findMany({ where: { channel: "direct", externalId: who?.parentUid as string } });
    expect(tenants).toHaveLength(1);
    expect(tenants[0]).toMatchObject({ status: "frozen", displayName: "Acme Migration", contactEmail: f.email });
    expect(await db.platformDb.membership.findMany({ where: { tenantId: tenants[0]?.id } })).toMatchObject([
      { uid: who?.uid, role: "owner" },
    ]);
    expect(await signInDirectBuyer(db.platformDb, { email: f.email.toUpperCase(), password: f.password, address: address() })).toEqual({
      ok: true,
      who,
    });
    // signing up again with a verified address sends no new link
    expect((await signUp(f)).kind).toBe("already-registered");
  });

  it("a second sign-up with an email not yet verified cannot take over the account its owner verifies", async () => {
    const owner = form();
    const ownerLink = (await signUp(owner)).link;
    // someone else signs up with the owner's email and a password of their own
    const other = { ...owner, password: "attacker-chosen-password" };
    const otherLink = (await signUp(other)).link;
    const who = await verifyBuyer(db.platformDb, tokenOf(ownerLink), secret);
    expect(who).toMatchObject({ channel: "direct", name: owner.email });
    const signIn = (password: string) => signInDirectBuyer(db.platformDb, { email: owner.email, password, address: address() });
    expect(await signIn(owner.password)).toEqual({ ok: true, who });
    expect(await signIn(other.password)).toEqual({ ok: false, reason: "failed" });
    // the other sign-up's link, opened later, changes no password
    await verifyBuyer(db.platformDb, tokenOf(otherLink), secret);
    expect(await signIn(other.password)).toEqual({ ok: false, reason: "failed" });
    expect(await signIn(owner.password)).toEqual({ ok: true, who });
  });

  it("gives a returning buyer a new tenant when their closed one was purged", async () => {
    const f = form();
    const who = await verifyBuyer(db.platformDb, tokenOf((await signUp(f)).link), secret);
    await db.platformDb.tenant.deleteMany({ where: { channel: "direct", externalId: who?.parentUid as string } });
    expect(await signInDirectBuyer(db.platformDb, { email: f.email, password: f.password, address: address() })).toMatchObject({
      ok: true,
    });
    const tenant = await db.platformDb.tenant.findUniqueOrThrow({
      where: { channel_externalId: { channel: "direct", externalId: who?.parentUid as string } },
    });
    expect(tenant).toMatchObject({ status: "frozen", contactEmail: f.email });
  });

  it("refuses a forged, altered or expired link", async () => {
    const mail = await signUp(form());
    const token = tokenOf(mail.link);
    expect(await verifyBuyer(db.platformDb, `${token}x`, secret)).toBeNull();
    expect(await verifyBuyer(db.platformDb, token, "another-secret-0123456789abcdef012345")).toBeNull();
    expect(await verifyBuyer(db.platformDb, token, secret, new Date(Date.now() + 25 * 3600_000))).toBeNull();
    expect(await verifyBuyer(db.platformDb, "", secret)).toBeNull();
  });

  it(`locks an account after ${signInLimits.perAccount} wrong passwords, even with the right one`, async () => {
    const f = form();
    await verifyBuyer(db.platformDb, tokenOf((await signUp(f)).link), secret);
    for (let i = 0; i < signInLimits.perAccount; i++)
      expect(await signInDirectBuyer(db.platformDb, { email: f.email, password: `wrong-${i}`, address: address() })).toEqual({
        ok: false,
        reason: "failed",
      });
    expect(await signInDirectBuyer(db.platformDb, { email: f.email, password: f.password, address: address() })).toMatchObject({
      reason: "throttled",
    });
    expect(await db.platformDb.platformAuditEvent.count({ where: { action: "buyer.signin.throttled", target: `buyer:${f.email}` } })).toBe(
      1,
    );
  });

  it("answers an unknown email as a wrong password", async () => {
    expect(
      await signInDirectBuyer(db.platformDb, { email: `nobody-${randomUUID()}@example.com`, password: "whatever-123", address: address() }),
    ).toEqual({
      ok: false,
      reason: "failed",
    });
  });
});

describe("sign-up throttle", () => {
  it("lets an address and an email sign up a few times, then asks them to wait", () => {
    let now = 0;
    const take = createSignUpThrottle({ perAddress: 3, perEmail: 1, minutesEach: 5 }, () => now);
    expect(take("198.51.100.1", "a@example.com")).toBe(0);
    expect(take("198.51.100.1", "A@Example.com ")).toBe(5); // the same email, another spelling (a refused try counts too)
    expect(take("198.51.100.1", "b@example.com")).toBe(0);
    expect(take("198.51.100.1", "c@example.com")).toBe(5); // the address's burst is spent
    expect(take("198.51.100.2", "d@example.com")).toBe(0);
    now += 5 * 60_000;
    expect(take("198.51.100.1", "e@example.com")).toBe(0);
  });
});
