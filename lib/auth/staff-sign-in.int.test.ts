import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, type Database } from "../db";
import { hashPassword } from "./password";
import { signInLimits, signInStaff } from "./staff-sign-in";

let db: Database;
const password = "right-password-123";
let hash: string;
beforeAll(async () => {
  db = createDatabase(inject("dbUrls"), 2);
  hash = await hashPassword(password);
});
afterAll(() => db.close());

async function staffMember() {
  const email = `staff-${randomUUID().slice(0, 8)}@skyport.test`;
  await db.platformDb.staff.create({ data: { email, name: "Staff", role: "support", passwordHash: hash } });
  return email;
}
const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;
const attempt = (email: string, pw: string, from: string) => signInStaff(db.platformDb, { email, password: pw, address: from });

describe("staff sign-in, throttled per account and per address", () => {
  it("signs in with the right password, refuses a wrong one", async () => {
    const email = await staffMember();
    const from = address();
    expect(await attempt(email, password, from)).toMatchObject({ ok: true, staff: { email } });
    expect(await attempt(email, "wrong", from)).toEqual({ ok: false, reason: "failed" });
  });

  it(`after ${signInLimits.perAccount} wrong passwords the account is locked, even with the right one, and that is audited once`, async () => {
    const email = await staffMember();
    for (let i = 0; i < signInLimits.perAccount; i++) expect((await attempt(email, `wrong-${i}`, address())).ok).toBe(false);
    expect(await attempt(email, password, address())).toEqual({ ok: false, reason: "throttled", minutes: signInLimits.windowMinutes });
    expect(await attempt(email, password, address())).toMatchObject({ reason: "throttled" });
    const audits = await db.platformDb.platformAuditEvent.findMany({
      where: { action: "staff.signin.throttled", target: `staff:${email}` },
    });
    expect(audits).toHaveLength(1);
    expect(await db.platformDb.staffSignIn.count({ where: { email, outcome: "throttled" } })).toBe(2);
  });

  it("the lock lifts when the window has passed", async () => {
    const email = await staffMember();
    const from = address();
    for (let i = 0; i < signInLimits.perAccount; i++) await attempt(email, "wrong", from);
    const later = new Date(Date.now() + (signInLimits.windowMinutes + 1) * 60_000);
    expect(await signInStaff(db.platformDb, { email, password, address: from }, signInLimits, later)).toMatchObject({ ok: true });
  });

  it(`one address failing on many accounts is locked after ${signInLimits.perAddress} failures, for every account`, async () => {
    const from = address();
    for (let i = 0; i < signInLimits.perAddress; i++) await attempt(`nobody-${i}-${randomUUID().slice(0, 6)}@skyport.test`, "guess", from);
    const email = await staffMember();
    expect(await attempt(email, password, from)).toMatchObject({ reason: "throttled" });
    expect(await attempt(email, password, address())).toMatchObject({ ok: true });
  });

  it("a success resets the account's count: failures before it do not add up with those after", async () => {
    const email = await staffMember();
    const from = address();
    for (let i = 0; i < signInLimits.perAccount - 1; i++) await attempt(email, "wrong", from);
    expect(await attempt(email, password, from)).toMatchObject({ ok: true });
    for (let i = 0; i < signInLimits.perAccount - 1; i++) await attempt(email, "wrong", from);
    expect(await attempt(email, password, from)).toMatchObject({ ok: true });
  });
});
