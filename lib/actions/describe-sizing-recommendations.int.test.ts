import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AgentHarness, startAgentHarness } from "../../test/agent-harness";
import { createTenant, type TestTenant } from "../../test/factories";
import { serveEmulator } from "../../test/serve-emulator";
import { testServices } from "../../test/services";
import { requiredPermissions } from "../cloud";
import { createAliyunCloudEmulator } from "../sandbox/emulators/aliyun-cloud";
import { createAwsCloudEmulator } from "../sandbox/emulators/aws-cloud";

// Sizing through each emulated buyer cloud, whose catalogues and prices are
// the sandbox's: real SDKs (pop-core; EC2 and the Price List through the AWS SDK),
// signatures checked, roles enforced.
const isv = { aliyunUid: "5300", awsAccount: "210987654321", key: "sizing-isv-ak", secret: "sizing-isv-secret-0123456789" };
const aliyun = createAliyunCloudEmulator(new Map([[isv.key, isv.secret]]));
aliyun.registerIsv(isv.key, isv.aliyunUid);
const aws = createAwsCloudEmulator(new Map([[isv.key, isv.secret]]), "us-east-1");
aws.registerIsv(isv.key, isv.awsAccount);
const calls = { aliyun: 0, aws: 0 };
let servers: Awaited<ReturnType<typeof serveEmulator>>[];
let a: AgentHarness;
const gib = 2 ** 30;

beforeAll(async () => {
  const aliyunServer = await serveEmulator((req) => {
    calls.aliyun++;
    return aliyun.handle(req.method, req.query);
  });
  const awsServer = await serveEmulator((req) => {
    calls.aws++;
    return aws.handle(req);
  }, "text/xml");
  servers = [aliyunServer, awsServer];
  const services = testServices({ isv: { aliyunUid: isv.aliyunUid, awsAccountId: isv.awsAccount } });
  services.aliyun = {
    ...services.aliyun,
    access: { stsEndpoint: aliyunServer.endpoint, ecsEndpoint: aliyunServer.endpoint, accessKeyId: isv.key, accessKeySecret: isv.secret },
  };
  services.aws = {
    ...services.aws,
    access: {
      stsEndpoint: awsServer.endpoint,
      ec2Endpoint: awsServer.endpoint,
      pricingEndpoint: awsServer.endpoint,
      region: "us-east-1",
      accessKeyId: isv.key,
      secretAccessKey: isv.secret,
      isvAccountId: isv.awsAccount,
    },
  };
  a = await startAgentHarness({ services });
}, 60_000);
afterAll(async () => {
  await a.close();
  for (const s of servers) await s.close();
});

/** A tenant with a verified role in its cloud and one host of 4 cores and 16 GiB reporting. */
async function buyerWithHost(channel: "aliyun" | "aws", permissions = requiredPermissions.map((p) => p[channel])) {
  const t = await createTenant(a.db.platformDb, { channel });
  const { externalId } = (await a.h.call("CreateCloudAccessLink", { provider: channel }, { tenant: t })).body.data;
  const arn = channel === "aws" ? `arn:aws:iam::${t.parentUid}:role/SkyportAccess` : `acs:ram::${t.parentUid}:role/AliyunSkyportRole`;
  if (channel === "aws") aws.roles.set(arn, { trustedAccount: isv.awsAccount, externalId, actions: new Set(permissions) });
  else aliyun.roles.set(arn, { trustedUid: isv.aliyunUid, externalId, actions: new Set(permissions) });
  await a.h.call("BindCloudRole", { provider: channel, roleArn: arn }, { tenant: t });
  expect((await a.h.call("VerifyCloudAccess", { provider: channel }, { tenant: t })).body.data.status).toBe("verified");
  const d = await a.download(t);
  const agent = (await a.enrol(d.token)).body;
  const inventory = { hostname: "db-01", cpu: { model: "x", cores: 4 }, memoryBytes: 16 * gib };
  expect((await a.signed(agent, "POST", "/api/agent/v1/heartbeat", { inventory })).status).toBe(200);
  return { tenant: t, agentId: agent.agentId as string };
}

const size = (tenant: TestTenant, params: object) => a.h.call("DescribeSizingRecommendations", params, { tenant });

describe("sizing through the buyer's verified role", () => {
  it("Alibaba: the cheapest type covering 4 cores and 16 GiB with 20% headroom, priced in CNY; then from the cache", async () => {
    const { tenant, agentId } = await buyerWithHost("aliyun");
    const r = await size(tenant, { region: "cn-hangzhou" });
    expect(r.body.data).toMatchObject({ provider: "aliyun", region: "cn-hangzhou", priced: true });
    expect(r.body.data.recommendations).toEqual([
      {
        agentId,
        hostname: "db-01",
        needs: { vcpus: 5, memoryGiB: 19.2 },
        offer: { type: "ecs.g7.2xlarge", vcpus: 8, memoryGiB: 32, monthlyPrice: 1480, currency: "CNY" },
        reason: {
          code: "CheapestCovering",
          args: { cores: 4, hostMemoryGiB: 16, headroomPercent: 20, needVcpus: 5, needMemoryGiB: 19.2, type: "ecs.g7.2xlarge" },
        },
      },
    ]);
    const before = calls.aliyun;
    const again = await size(tenant, { region: "cn-hangzhou", agentIds: [agentId] });
    expect(again.body.data.fetchedAt).toBe(r.body.data.fetchedAt);
    expect(calls.aliyun).toBe(before);
  });

  it("pages the hosts by hostname, none lost or repeated", async () => {
    const { tenant } = await buyerWithHost("aliyun");
    const d = await a.download(tenant);
    for (const hostname of ["app-01", "web-01"]) expect((await a.enrol(d.token, { hostname })).status).toBe(201);
    const hostnames = (r: Awaited<ReturnType<typeof size>>) => r.body.data.recommendations.map((h: { hostname: string }) => h.hostname);
    const first = await size(tenant, { region: "cn-hangzhou", pageSize: 2 });
    expect(hostnames(first)).toEqual(["app-01", "db-01"]);
    const rest = await size(tenant, { region: "cn-hangzhou", pageSize: 2, nextToken: first.body.data.nextToken });
    expect([hostnames(rest), rest.body.data.nextToken]).toEqual([["web-01"], null]);
  });

  it("AWS: EC2's types and the Price List's on-demand prices, in USD a month", async () => {
    const { tenant } = await buyerWithHost("aws");
    const r = await size(tenant, { region: "us-east-1" });
    expect(r.body.data.priced).toBe(true);
    expect(r.body.data.recommendations[0].offer).toEqual({
      type: "m6i.2xlarge",
      vcpus: 8,
      memoryGiB: 32,
      monthlyPrice: 280.32,
      currency: "USD",
    });
  });

  it("with the price API failing, or not allowed, the recommendation still comes, without a price", async () => {
    const { tenant } = await buyerWithHost("aliyun");
    aliyun.pricing.down = true;
    const r = await size(tenant, { region: "cn-shanghai", refresh: true });
    aliyun.pricing.down = false;
    expect(r.body.data.priced).toBe(false);
    expect(r.body.data.recommendations[0]).toMatchObject({
      offer: { type: "ecs.g7.2xlarge", monthlyPrice: null, currency: null },
      reason: { code: "SmallestCovering" },
    });
    const unpriced = await buyerWithHost("aws", ["ec2:DescribeRegions", "ec2:DescribeInstanceTypes"]);
    const w = await size(unpriced.tenant, { region: "eu-west-1" });
    expect(w.body.data).toMatchObject({ priced: false, recommendations: [{ offer: { type: "m6i.2xlarge", monthlyPrice: null } }] });
  });

  it("without a verified role: a clear refusal the console turns into a prompt; no cloud is asked", async () => {
    const t = await createTenant(a.db.platformDb, { channel: "aliyun" });
    const before = calls.aliyun;
    const r = await size(t, { region: "cn-hangzhou" });
    expect(r.body).toMatchObject({ code: "InvalidParameter", message: expect.stringContaining("no verified cloud role") });
    expect(calls.aliyun).toBe(before);
  });

  it("is a billed action: each successful call is one api_calls unit in the ledger, a resend of its traceId counted once, a refusal not at all", async () => {
    const { tenant } = await buyerWithHost("aws");
    const apiCalls = () => a.db.platformDb.usageEvent.findMany({ where: { tenantId: tenant.id, metric: "api_calls" } });
    const traceId = `bill-${Date.now()}`;
    await a.h.call("DescribeSizingRecommendations", { region: "us-east-1" }, { tenant, traceId });
    await a.h.call("DescribeSizingRecommendations", { region: "us-east-1" }, { tenant, traceId });
    await size(tenant, { region: "us-east-1" });
    expect((await size(tenant, { region: "no-such-region" })).body.success).toBe(false);
    const rows = await apiCalls();
    expect(rows.map((r) => [Number(r.quantity), r.source, r.idempotencyKey.startsWith("gateway:")])).toEqual([
      [1, "gateway", true],
      [1, "gateway", true],
    ]);
    expect(rows.some((r) => r.idempotencyKey === `gateway:${traceId}`)).toBe(true);
  });

  it("a plan without sizing is refused with Forbidden; a direct tenant has no cloud to size in", async () => {
    const basic = await createTenant(a.db.platformDb, { channel: "aliyun" });
    await a.db.platformDb.subscription.updateMany({ where: { tenantId: basic.id }, data: { plan: "basic" } });
    expect((await size(basic, { region: "cn-hangzhou" })).body.code).toBe("Forbidden");
    const direct = await createTenant(a.db.platformDb, { channel: "direct" });
    expect((await size(direct, { region: "cn-hangzhou" })).body.code).toBe("InvalidParameter");
  });
});
