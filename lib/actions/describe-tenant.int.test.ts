import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { type Harness, startHarness, subAccount } from "../../test/gateway-harness";

let h: Harness;
let t: TestTenant;
beforeAll(async () => {
  h = await startHarness();
  t = await createTenant(h.db.platformDb);
});
afterAll(() => h.close());

describe("DescribeTenant and DescribeCaller", () => {
  it("describes the caller's tenant through the full pipeline", async () => {
    const r = await h.call("DescribeTenant", {}, { tenant: t });
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(r.headers.get("x-trace-id")).toBe(r.body.traceId);
    expect(r.body).toMatchObject({ success: true, code: "OK", message: "" });
    expect(r.body.data).toMatchObject({ id: t.id, channel: "aliyun", status: "active", plan: "standard", trial: false });
    expect(Date.parse(r.body.data.expiresAt)).toBeGreaterThan(Date.now());
  });

  it("gives the main account the owner role and a sub-user without membership member", async () => {
    const main = await h.call("DescribeCaller", {}, { tenant: t });
    expect(main.body.data).toMatchObject({ uid: t.parentUid, role: "owner", accountType: "main", tenantId: t.id });
    const sub = await h.call("DescribeCaller", {}, { tenant: t, userinfo: subAccount(t, "sub-without-membership") });
    expect(sub.body.data).toMatchObject({ uid: "sub-without-membership", role: "member", accountType: "sub" });
  });

  it("gives a sub-user its recorded membership role", async () => {
    await h.db.platformDb.membership.create({ data: { tenantId: t.id, uid: "sub-viewer", role: "viewer" } });
    const r = await h.call("DescribeCaller", {}, { tenant: t, userinfo: subAccount(t, "sub-viewer") });
    expect(r.body.data.role).toBe("viewer");
  });
});
