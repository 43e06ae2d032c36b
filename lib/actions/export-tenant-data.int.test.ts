import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { type Harness, startHarness, subAccount } from "../../test/gateway-harness";

let h: Harness;
let t: TestTenant;
let other: TestTenant;
beforeAll(async () => {
  h = await startHarness();
  t = await createTenant(h.db.platformDb);
  other = await createTenant(h.db.platformDb);
  await h.call("UpdateTenantProfile", { displayName: "Exported Co" }, { tenant: t });
  await h.call("UpdateTenantProfile", { displayName: "Not mine" }, { tenant: other });
  await h.db.platformDb.membership.create({ data: { tenantId: t.id, uid: "admin-x", role: "admin" } });
});
afterAll(() => h.close());

describe("ExportTenantData", () => {
  it("gives the owner all of the tenant's data, and nothing of another tenant", async () => {
    const r = await h.call("ExportTenantData", {}, { tenant: t });
    expect(r.body.code).toBe("OK");
    expect(r.body.data).toMatchObject({ format: "skyport-tenant-export/1", tenant: { id: t.id, displayName: "Exported Co" } });
    expect(r.body.data.memberships.map((m: { uid: string }) => m.uid).sort()).toEqual(["admin-x", t.parentUid].sort());
    expect(r.body.data.subscriptions).toHaveLength(1);
    expect(r.body.data.auditEvents.map((e: { action: string }) => e.action)).toEqual(["tenant.profile.updated"]);
    expect(JSON.stringify(r.body.data)).not.toContain(other.id);
    expect(JSON.stringify(r.body.data)).not.toContain("Not mine");
  });

  it("works while the tenant is closed (the grace period), and only for the owner", async () => {
    await h.db.platformDb.tenant.update({ where: { id: t.id }, data: { status: "closed", closedAt: new Date() } });
    expect((await h.call("ExportTenantData", {}, { tenant: t })).body.code).toBe("OK");
    expect((await h.call("ExportTenantData", {}, { tenant: t, userinfo: subAccount(t, "admin-x") })).body.code).toBe("Forbidden");
  });
});
