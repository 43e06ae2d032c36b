import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { type Harness, startHarness } from "../../test/gateway-harness";
import { registry } from "./index";

let h: Harness;
let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  h = await startHarness();
  a = await createTenant(h.db.platformDb);
  b = await createTenant(h.db.platformDb);
  await h.call("UpdateTenantProfile", { displayName: "B first" }, { tenant: b });
  await h.call("UpdateTenantProfile", { displayName: "B's name", contactEmail: "b@example.com" }, { tenant: b });
});
afterAll(() => h.close());

describe("tenant A's caller never reads or changes tenant B's data, through the gateway", () => {
  it("sees only its own tenant whatever params it sends", async () => {
    const r = await h.call("DescribeTenant", {}, { tenant: a });
    expect(r.body.data.id).toBe(a.id);
    const sneaky = await h.call("DescribeTenant", { tenantId: b.id }, { tenant: a });
    expect(sneaky.body.code).toBe("InvalidParameter");
    expect(JSON.stringify(sneaky.body)).not.toContain(b.parentUid);
  });

  it("cannot name B's tenant in a mutation", async () => {
    const r = await h.call("UpdateTenantProfile", { displayName: "pwned", tenantId: b.id }, { tenant: a });
    expect(r.body.code).toBe("InvalidParameter");
    const bNow = await h.call("DescribeTenant", {}, { tenant: b });
    expect(bNow.body.data.name).toBe("B's name");
  });

  it("changes only its own tenant", async () => {
    await h.call("UpdateTenantProfile", { displayName: "A renamed" }, { tenant: a });
    expect((await h.call("DescribeTenant", {}, { tenant: b })).body.data.name).toBe("B's name");
    expect((await h.call("DescribeTenant", {}, { tenant: a })).body.data.name).toBe("A renamed");
  });

  it("lists only its own audit events, and cannot page into B's with B's cursor", async () => {
    const mine = await h.call("ListAuditEvents", {}, { tenant: a });
    expect(mine.body.data.events.length).toBeGreaterThan(0);
    expect(mine.body.data.events.every((e: { target: string }) => e.target === `tenant:${a.id}`)).toBe(true);
    const theirs = await h.call("ListAuditEvents", { pageSize: 1 }, { tenant: b });
    expect(theirs.body.data.nextToken).toBeTypeOf("string");
    const withTheirCursor = await h.call("ListAuditEvents", { nextToken: theirs.body.data.nextToken }, { tenant: a });
    expect(withTheirCursor.body.code).toBe("OK");
    expect(JSON.stringify(withTheirCursor.body.data)).not.toContain(b.id);
  });

  it("cannot call as B by signing B's parentUid with A's uid", async () => {
    const r = await h.call(
      "DescribeCaller",
      {},
      { userinfo: { uid: a.parentUid, parentUid: b.parentUid, accountType: "sub", marketplace: "aliyun" } },
    );
    // a sub-user claim is the console's to make: it lands in B only as a member, never as owner
    expect(r.body.data.role).toBe("member");
    const write = await h.call(
      "UpdateTenantProfile",
      { displayName: "x" },
      { userinfo: { uid: a.parentUid, parentUid: b.parentUid, accountType: "sub", marketplace: "aliyun" } },
    );
    expect(write.body.code).toBe("Forbidden");
  });

  it("every registered action answers tenant A only about tenant A", async () => {
    const sample: Record<string, object> = {
      UpdateTenantProfile: { displayName: "A again" },
      DescribeCloudPolicies: { provider: "aliyun" },
      CreateCloudAccessLink: { provider: "aliyun" },
      BindCloudRole: { provider: "aliyun", roleArn: `acs:ram::${a.parentUid}:role/AliyunSkyportRole` },
      UnbindCloudRole: { provider: "aliyun" },
      VerifyCloudAccess: { provider: "aliyun" },
      CreateAgentDownload: { os: "linux-x64" },
    };
    const needBoundRole = new Set(["UnbindCloudRole", "VerifyCloudAccess"]);
    // these need a marketplace token, another tenant's agents or Stripe: verify-cloud-access.int.test.ts and
    // agent-isolation.int.test.ts cover them, each with B's ids
    const ownTest = new Set([
      "CompleteCloudAuthorization",
      "DescribeAgent",
      "DescribeAgentTasks",
      "CreateAgentTask",
      "RevokeAgent",
      "RevokeAgentDownload",
      "DescribeSizingRecommendations",
      // direct tenants only, with Stripe: direct-billing.int.test.ts
      "CreateStripeCheckout",
      "CreateStripePortal",
    ]);
    for (const [name] of registry) {
      if (ownTest.has(name)) continue;
      if (needBoundRole.has(name)) await h.call("BindCloudRole", sample.BindCloudRole as object, { tenant: a });
      const params = sample[name] ?? {};
      const r = await h.call(name, params, { tenant: a });
      expect([name, r.body.code]).toEqual([name, "OK"]);
      expect(JSON.stringify(r.body.data)).not.toContain(b.id);
      expect(JSON.stringify(r.body.data)).not.toContain(b.parentUid);
    }
  });
});
