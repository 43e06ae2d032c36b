import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { type Harness, startHarness, subAccount } from "../../test/gateway-harness";

let h: Harness;
let t: TestTenant;
beforeAll(async () => {
  h = await startHarness();
  t = await createTenant(h.db.platformDb);
  await h.db.platformDb.membership.createMany({
    data: [
      { tenantId: t.id, uid: "admin-1", role: "admin" },
      { tenantId: t.id, uid: "member-1", role: "member" },
    ],
  });
});
afterAll(() => h.close());

describe("UpdateTenantProfile", () => {
  it("changes the profile and audits it in the same transaction, with actor and traceId", async () => {
    const traceId = `profile-${Date.now()}`;
    const r = await h.call(
      "UpdateTenantProfile",
      { displayName: "  ACME  ", contactEmail: "ops@acme.example" },
      { tenant: t, userinfo: subAccount(t, "admin-1"), traceId },
    );
    expect(r.body.data).toEqual({ displayName: "ACME", contactEmail: "ops@acme.example" });
    const events = await h.call("ListAuditEvents", {}, { tenant: t });
    expect(events.body.data.events[0]).toMatchObject({
      actorUid: "admin-1",
      action: "tenant.profile.updated",
      traceId,
      payload: { after: { displayName: "ACME", contactEmail: "ops@acme.example" } },
    });
  });

  it("serializes 20 concurrent updates of one tenant without a deadlock, each audited once", async () => {
    const busy = await createTenant(h.db.platformDb);
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => h.call("UpdateTenantProfile", { displayName: `Concurrent ${i}` }, { tenant: busy })),
    );
    expect(replies.map((r) => r.body.code)).toEqual(Array(20).fill("OK"));
    expect(await h.db.platformDb.auditEvent.count({ where: { tenantId: busy.id } })).toBe(20);
  });

  it("clears the contact email with an empty string", async () => {
    const r = await h.call("UpdateTenantProfile", { contactEmail: "" }, { tenant: t });
    expect(r.body.data.contactEmail).toBeNull();
  });

  it("is refused to members and viewers", async () => {
    const r = await h.call("UpdateTenantProfile", { displayName: "no" }, { tenant: t, userinfo: subAccount(t, "member-1") });
    expect(r.body.code).toBe("Forbidden");
  });

  it.each([[{}], [{ displayName: "" }], [{ displayName: "x".repeat(129) }], [{ contactEmail: "nope" }]])("refuses %o", async (params) => {
    expect((await h.call("UpdateTenantProfile", params, { tenant: t })).body.code).toBe("InvalidParameter");
  });
});

describe("ListAuditEvents", () => {
  it("pages newest first with nextToken until the end", async () => {
    const fresh = await createTenant(h.db.platformDb);
    for (let i = 0; i < 5; i++) await h.call("UpdateTenantProfile", { displayName: `Name ${i}` }, { tenant: fresh });
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const r = await h.call("ListAuditEvents", { pageSize: 2, ...(nextToken && { nextToken }) }, { tenant: fresh });
      seen.push(...r.body.data.events.map((e: { payload: { after: { displayName: string } } }) => e.payload.after.displayName));
      nextToken = r.body.data.nextToken ?? undefined;
    } while (nextToken);
    expect(seen).toEqual(["Name 4", "Name 3", "Name 2", "Name 1", "Name 0"]);
  });

  it("refuses a forged nextToken and an oversized page", async () => {
    expect((await h.call("ListAuditEvents", { nextToken: "garbage" }, { tenant: t })).body.code).toBe("InvalidParameter");
    expect((await h.call("ListAuditEvents", { pageSize: 1000 }, { tenant: t })).body.code).toBe("InvalidParameter");
  });
});
