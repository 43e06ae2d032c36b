import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, type Database } from "../db";
import { acceptInvite, changeStaff, inviteDays, inviteStaff } from "./staff-admin";
import { signInStaff } from "./staff-sign-in";

let db: Database;
const admin = { id: randomUUID(), email: "inviting-admin@skyport.test" };
const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;

beforeAll(() => {
  db = createDatabase(inject("dbUrls"), 2);
});
afterAll(() => db.close());

describe("staff invitations and access", () => {
  it("an invited member signs in only after choosing a password with the link, which works once", async () => {
    const email = `new-${randomUUID().slice(0, 8)}@skyport.test`;
    const r = await inviteStaff(db.platformDb, admin, { email, name: "New", role: "support" });
    if (!r.ok) throw new Error("not invited");
    expect(await signInStaff(db.platformDb, { email, password: "invited", address: address() })).toEqual({ ok: false, reason: "failed" });
    expect(await acceptInvite(db.platformDb, r.token, "a-long-enough-password")).toBe(true);
    expect(await acceptInvite(db.platformDb, r.token, "another-long-password")).toBe(false);
    expect(await signInStaff(db.platformDb, { email, password: "a-long-enough-password", address: address() })).toMatchObject({ ok: true });
    expect(await inviteStaff(db.platformDb, admin, { email: email.toUpperCase(), name: "Again", role: "isv_admin" })).toEqual({
      ok: false,
      code: "Exists",
    });
    expect(await db.platformDb.platformAuditEvent.count({ where: { action: "staff.invited", target: `staff:${email}` } })).toBe(1);
  });

  it("an expired or forged link sets nothing, and ops_ro cannot read the invitation's digest", async () => {
    const email = `late-${randomUUID().slice(0, 8)}@skyport.test`;
    const r = await inviteStaff(
      db.platformDb,
      admin,
      { email, name: "Late", role: "support" },
      new Date(Date.now() - (inviteDays + 1) * 86_400_000),
    );
    if (!r.ok) throw new Error("not invited");
    expect(await acceptInvite(db.platformDb, r.token, "a-long-enough-password")).toBe(false);
    expect(await acceptInvite(db.platformDb, "x".repeat(43), "a-long-enough-password")).toBe(false);
    await expect(db.opsDb.$queryRaw`SELECT invite_hash FROM staff`).rejects.toThrow(/permission denied/);
  });

  it("disables, enables and changes the role of another member, audited; never one's own", async () => {
    const email = `member-${randomUUID().slice(0, 8)}@skyport.test`;
    const member = await db.platformDb.staff.create({ data: { email, name: "M", role: "support", passwordHash: "x" } });
    expect(await changeStaff(db.platformDb, admin, member.id, { disabled: true })).toEqual({ ok: true });
    expect((await db.platformDb.staff.findUniqueOrThrow({ where: { id: member.id } })).disabledAt).not.toBeNull();
    expect(await changeStaff(db.platformDb, admin, member.id, { role: "isv_admin" })).toEqual({ ok: true });
    expect(await changeStaff(db.platformDb, admin, member.id, { disabled: false })).toEqual({ ok: true });
    expect(await db.platformDb.staff.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      role: "isv_admin",
      disabledAt: null,
    });
    const actions = await db.platformDb.platformAuditEvent.findMany({ where: { target: `staff:${email}` }, orderBy: { at: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["staff.disabled", "staff.role.changed", "staff.enabled"]);
    expect(await changeStaff(db.platformDb, member, member.id, { disabled: true })).toEqual({ ok: false, code: "Self" });
    expect(await changeStaff(db.platformDb, admin, randomUUID(), { disabled: true })).toEqual({ ok: false, code: "NotFound" });
  });
});
