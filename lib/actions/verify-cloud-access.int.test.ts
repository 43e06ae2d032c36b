import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { type Harness, startHarness } from "../../test/gateway-harness";
import { serveEmulator } from "../../test/serve-emulator";
import { testServices } from "../../test/services";
import { authorizationState } from "../cloud";
import { createMarketApi } from "../marketplace";
import { createAliyunCloudEmulator } from "../sandbox/emulators/aliyun-cloud";
import { createMarketEmulator } from "../sandbox/emulators/aliyun-market";

const isv = { uid: "5000", key: "verify-isv-ak", secret: "verify-isv-secret-0123456789" };
const cloud = createAliyunCloudEmulator(new Map([[isv.key, isv.secret]]));
cloud.registerIsv(isv.key, isv.uid);
const market = createMarketEmulator(new Map([[isv.key, isv.secret]]));
let marketServer: Awaited<ReturnType<typeof serveEmulator>>;
let server: Awaited<ReturnType<typeof serveEmulator>>;
let h: Harness;
let t: TestTenant;
let access: { stsEndpoint: string; ecsEndpoint: string; accessKeyId: string; accessKeySecret: string };
const services = testServices({ isv: { aliyunUid: isv.uid, awsAccountId: "210987654321" } });
const state = (tenant: TestTenant) => authorizationState(services.signingKey, tenant.id);

beforeAll(async () => {
  server = await serveEmulator((req) => cloud.handle(req.method, req.query));
  marketServer = await serveEmulator((req) => market.handle(req.method, req.query));
  access = { stsEndpoint: server.endpoint, ecsEndpoint: server.endpoint, accessKeyId: isv.key, accessKeySecret: isv.secret };
  const marketApi = createMarketApi({ endpoint: marketServer.endpoint, accessKeyId: isv.key, accessKeySecret: isv.secret });
  services.aliyun = { ...services.aliyun, access, market: marketApi };
  h = await startHarness({ services });
  t = await createTenant(h.db.platformDb, { channel: "aliyun" });
});
afterAll(async () => {
  await h.close();
  await marketServer.close();
  await server.close();
});

/** The buyer creates the role (trusting the ISV, with the tenant's ExternalId) and binds it. */
async function grantAndBind(tenant: TestTenant) {
  const { externalId } = (await h.call("CreateCloudAccessLink", { provider: "aliyun" }, { tenant })).body.data;
  const arn = `acs:ram::${tenant.parentUid}:role/AliyunSkyportRole`;
  cloud.roles.set(arn, { trustedUid: isv.uid, externalId, actions: new Set(["ecs:DescribeRegions", "ecs:DescribeInstanceTypes"]) });
  await h.call("BindCloudRole", { provider: "aliyun", roleArn: arn }, { tenant });
  return arn;
}

describe("VerifyCloudAccess through the gateway", () => {
  it("buy → role pending → verify → verified; revoke → failed with the reason; one permission removed → listed by name", async () => {
    const arn = await grantAndBind(t);
    expect((await h.call("DescribeCloudAccess", {}, { tenant: t })).body.data.access[0].status).toBe("pending");

    const ok = await h.call("VerifyCloudAccess", { provider: "aliyun" }, { tenant: t });
    expect(ok.body.data).toEqual({ provider: "aliyun", status: "verified", missingPermissions: [], failure: null });
    expect((await h.call("DescribeCloudAccess", {}, { tenant: t })).body.data.access[0]).toMatchObject({
      status: "verified",
      verifiedAt: expect.any(String),
    });

    cloud.roles.get(arn)?.actions.delete("ecs:DescribeInstanceTypes");
    const trimmed = await h.call("VerifyCloudAccess", { provider: "aliyun" }, { tenant: t });
    expect(trimmed.body.data).toMatchObject({ status: "failed", missingPermissions: ["DescribeInstanceTypes"] });

    cloud.roles.delete(arn);
    const revoked = await h.call("VerifyCloudAccess", { provider: "aliyun" }, { tenant: t });
    expect(revoked.body.data).toMatchObject({ status: "failed", failure: { code: "RoleNotFound" } });
    expect(JSON.stringify(revoked.body)).not.toMatch(/STS\.|SecurityToken|AccessKeySecret/);
  });

  it("refuses to verify before a role is bound", async () => {
    const fresh = await createTenant(h.db.platformDb, { channel: "aliyun" });
    expect((await h.call("VerifyCloudAccess", { provider: "aliyun" }, { tenant: fresh })).body.code).toBe("InvalidParameter");
  });
});

describe("the daily re-verification", () => {
  it("turns a role that stopped working to failed, with the reason", async () => {
    const { reverifyCloudAccess } = await import("../jobs/reverify-cloud-access");
    const tenant = await createTenant(h.db.platformDb, { channel: "aliyun" });
    const arn = await grantAndBind(tenant);
    await h.call("VerifyCloudAccess", { provider: "aliyun" }, { tenant });
    cloud.roles.delete(arn);
    await reverifyCloudAccess(h.db.platformDb, { aliyun: access });
    const after = (await h.call("DescribeCloudAccess", {}, { tenant })).body.data.access[0];
    expect(after).toMatchObject({ status: "failed", failure: { code: "RoleNotFound" } });
  });
});

describe("CompleteCloudAuthorization (the authorization link's return)", () => {
  it("records the role the buyer's own account authorized; refuses another account's token and a reused one", async () => {
    const tenant = await createTenant(h.db.platformDb, { channel: "aliyun" });
    const token = market.authorize(tenant.parentUid, ["AliyunSkyportRole"]);
    const r = await h.call("CompleteCloudAuthorization", { token, state: state(tenant) }, { tenant });
    expect(r.body.data).toEqual({ provider: "aliyun", roleArn: `acs:ram::${tenant.parentUid}:role/AliyunSkyportRole`, status: "pending" });
    expect((await h.call("CompleteCloudAuthorization", { token, state: state(tenant) }, { tenant })).body).toMatchObject({
      code: "InvalidParameter",
      message: expect.stringContaining("used already"),
    });
    const stranger = market.authorize("9999999999", ["AliyunSkyportRole"]);
    expect((await h.call("CompleteCloudAuthorization", { token: stranger, state: state(tenant) }, { tenant })).body).toMatchObject({
      code: "InvalidParameter",
      message: expect.stringContaining("another account"),
    });
  });

  it("a return issued to tenant B, completed by tenant A, is refused before B's one-time token is spent", async () => {
    const a = await createTenant(h.db.platformDb, { channel: "aliyun" });
    const b = await createTenant(h.db.platformDb, { channel: "aliyun" });
    const bToken = market.authorize(b.parentUid, ["AliyunSkyportRole"]);
    for (const stolen of [state(b), "", "x".repeat(43)]) {
      const refused = await h.call("CompleteCloudAuthorization", { token: bToken, state: stolen }, { tenant: a });
      expect(refused.body).toMatchObject({ code: "InvalidParameter", message: expect.stringContaining("another account") });
    }
    const mine = await h.call("CompleteCloudAuthorization", { token: bToken, state: state(b) }, { tenant: b });
    expect(mine.body.data).toMatchObject({ roleArn: `acs:ram::${b.parentUid}:role/AliyunSkyportRole`, status: "pending" });
    expect((await h.call("DescribeCloudAccess", {}, { tenant: a })).body.data.access).toEqual([]);
  });

  it("the Alibaba authorization link returns to the console with this tenant's state", async () => {
    const tenant = await createTenant(h.db.platformDb, { channel: "aliyun" });
    const { link } = (await h.call("CreateCloudAccessLink", { provider: "aliyun" }, { tenant })).body.data;
    const back = new URL(new URL(link).searchParams.get("returnurl") as string);
    expect(back.origin + back.pathname).toBe(`${services.publicUrl}/console/cloud-return`);
    expect(back.searchParams.get("state")).toBe(state(tenant));
  });
});

describe("verifying roles recorded at purchase", () => {
  it("checks pending roles only: a verified role is not assumed again", async () => {
    const { reverifyCloudAccess } = await import("../jobs/reverify-cloud-access");
    const tenant = await createTenant(h.db.platformDb, { channel: "aliyun" });
    const arn = await grantAndBind(tenant);
    const endpoints = { aliyun: access };
    await reverifyCloudAccess(h.db.platformDb, endpoints, true);
    expect((await h.call("DescribeCloudAccess", {}, { tenant })).body.data.access[0].status).toBe("verified");
    cloud.roles.delete(arn); // a pending-only pass must not touch it now
    await reverifyCloudAccess(h.db.platformDb, endpoints, true);
    expect((await h.call("DescribeCloudAccess", {}, { tenant })).body.data.access[0].status).toBe("verified");
  });
});
