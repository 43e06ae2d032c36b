import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { type Harness, startHarness } from "../../test/gateway-harness";
import { serveEmulator } from "../../test/serve-emulator";
import { createAliyunCloudEmulator } from "../sandbox/emulators/aliyun-cloud";
import { createMarketEmulator } from "../sandbox/emulators/aliyun-market";

// the process configuration is read lazily: point it at this file's emulated cloud first
const isv = { uid: "5000", key: "verify-isv-ak", secret: "verify-isv-secret-0123456789" };
const cloud = createAliyunCloudEmulator(new Map([[isv.key, isv.secret]]));
cloud.registerIsv(isv.key, isv.uid);
const market = createMarketEmulator(new Map([[isv.key, isv.secret]]));
let marketServer: Awaited<ReturnType<typeof serveEmulator>>;
let server: Awaited<ReturnType<typeof serveEmulator>>;
let h: Harness;
let t: TestTenant;

beforeAll(async () => {
  server = await serveEmulator((req) => cloud.handle(req.method, req.query));
  const endpoint = server.endpoint;
  marketServer = await serveEmulator((req) => market.handle(req.method, req.query));
  process.env.ALIYUN_MARKET_ENDPOINT = marketServer.endpoint;
  Object.assign(process.env, {
    ALIYUN_STS_ENDPOINT: endpoint,
    ALIYUN_ECS_ENDPOINT: endpoint,
    ALIYUN_ACCESS_KEY_ID: isv.key,
    ALIYUN_ACCESS_KEY_SECRET: isv.secret,
    ALIYUN_ISV_UID: isv.uid,
  });
  h = await startHarness();
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
    expect(ok.body.data).toEqual({ provider: "aliyun", status: "verified", missingPermissions: [], lastError: null });
    expect((await h.call("DescribeCloudAccess", {}, { tenant: t })).body.data.access[0]).toMatchObject({
      status: "verified",
      verifiedAt: expect.any(String),
    });

    cloud.roles.get(arn)?.actions.delete("ecs:DescribeInstanceTypes");
    const trimmed = await h.call("VerifyCloudAccess", { provider: "aliyun" }, { tenant: t });
    expect(trimmed.body.data).toMatchObject({ status: "failed", missingPermissions: ["DescribeInstanceTypes"] });

    cloud.roles.delete(arn);
    const revoked = await h.call("VerifyCloudAccess", { provider: "aliyun" }, { tenant: t });
    expect(revoked.body.data).toMatchObject({ status: "failed", lastError: expect.stringContaining("does not exist") });
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
    const endpoint = process.env.ALIYUN_STS_ENDPOINT as string;
    await reverifyCloudAccess(h.db.platformDb, {
      aliyun: { stsEndpoint: endpoint, ecsEndpoint: endpoint, accessKeyId: isv.key, accessKeySecret: isv.secret },
    });
    const after = (await h.call("DescribeCloudAccess", {}, { tenant })).body.data.access[0];
    expect(after).toMatchObject({ status: "failed", lastError: expect.stringContaining("does not exist") });
  });
});

describe("CompleteCloudAuthorization (the authorization link's return)", () => {
  it("records the role the buyer's own account authorized; refuses another account's token and a reused one", async () => {
    const tenant = await createTenant(h.db.platformDb, { channel: "aliyun" });
    const token = market.authorize(tenant.parentUid, ["AliyunSkyportRole"]);
    const r = await h.call("CompleteCloudAuthorization", { token }, { tenant });
    expect(r.body.data).toEqual({ provider: "aliyun", roleArn: `acs:ram::${tenant.parentUid}:role/AliyunSkyportRole`, status: "pending" });
    expect((await h.call("CompleteCloudAuthorization", { token }, { tenant })).body).toMatchObject({
      code: "InvalidParameter",
      message: expect.stringContaining("used already"),
    });
    const stranger = market.authorize("9999999999", ["AliyunSkyportRole"]);
    expect((await h.call("CompleteCloudAuthorization", { token: stranger }, { tenant })).body).toMatchObject({
      code: "InvalidParameter",
      message: expect.stringContaining("another account"),
    });
  });
});

describe("verifying roles recorded at purchase", () => {
  it("checks pending roles only: a verified role is not assumed again", async () => {
    const { reverifyCloudAccess } = await import("../jobs/reverify-cloud-access");
    const tenant = await createTenant(h.db.platformDb, { channel: "aliyun" });
    const arn = await grantAndBind(tenant);
    const endpoint = process.env.ALIYUN_STS_ENDPOINT as string;
    const endpoints = { aliyun: { stsEndpoint: endpoint, ecsEndpoint: endpoint, accessKeyId: isv.key, accessKeySecret: isv.secret } };
    await reverifyCloudAccess(h.db.platformDb, endpoints, true);
    expect((await h.call("DescribeCloudAccess", {}, { tenant })).body.data.access[0].status).toBe("verified");
    cloud.roles.delete(arn); // a pending-only pass must not touch it now
    await reverifyCloudAccess(h.db.platformDb, endpoints, true);
    expect((await h.call("DescribeCloudAccess", {}, { tenant })).body.data.access[0].status).toBe("verified");
  });
});
