import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { type Harness, startHarness } from "../../test/gateway-harness";
import { serveEmulator } from "../../test/serve-emulator";
import { testServices } from "../../test/services";
import { requiredPermissions } from "../cloud";
import { createDatabase } from "../db";
import { createAliyunCloudEmulator } from "../sandbox/emulators/aliyun-cloud";

// Fifty buyers press "Verify" while their cloud takes 5 s to answer AssumeRole.
// The gateway's pool has 10 connections: were a verification to hold one while
// it waits, reads would queue behind them until the pool gave up.
const verifications = 50;
const slowSeconds = 5;
const isv = { uid: "5100", key: "flood-isv-ak", secret: "flood-isv-secret-0123456789" };
const cloud = createAliyunCloudEmulator(new Map([[isv.key, isv.secret]]));
cloud.registerIsv(isv.key, isv.uid);
let server: Awaited<ReturnType<typeof serveEmulator>>;
let h: Harness;
const buyers: TestTenant[] = [];

beforeAll(async () => {
  server = await serveEmulator(
    (req) => cloud.handle(req.method, req.query),
    "application/json",
    (req) => (req.query.includes("Action=AssumeRole") ? slowSeconds * 1000 : 0),
  );
  const access = { stsEndpoint: server.endpoint, ecsEndpoint: server.endpoint, accessKeyId: isv.key, accessKeySecret: isv.secret };
  const services = testServices({ isv: { aliyunUid: isv.uid, awsAccountId: "210987654321" } });
  services.aliyun = { ...services.aliyun, access };
  h = await startHarness({ services, db: createDatabase(inject("dbUrls"), 10), rateLimit: { perSecond: 10_000, burst: 10_000 } });
  for (let i = 0; i < verifications; i++) {
    const t = await createTenant(h.db.platformDb, { channel: "aliyun" });
    const { externalId } = (await h.call("CreateCloudAccessLink", { provider: "aliyun" }, { tenant: t })).body.data;
    const arn = `acs:ram::${t.parentUid}:role/AliyunSkyportRole`;
    cloud.roles.set(arn, { trustedUid: isv.uid, externalId, actions: new Set(requiredPermissions.map((p) => p.aliyun)) });
    await h.call("BindCloudRole", { provider: "aliyun", roleArn: arn }, { tenant: t });
    buyers.push(t);
  }
}, 120_000);
afterAll(async () => {
  await h.close();
  await h.db.close();
  await server.close();
});

describe("a slow cloud does not hold the gateway's connections", () => {
  it(`${verifications} verifications waiting ${slowSeconds} s on STS; ordinary reads keep being served meanwhile`, async () => {
    let finished = 0;
    const pending = buyers.map((t) =>
      h.call("VerifyCloudAccess", { provider: "aliyun" }, { tenant: t }).finally(() => {
        finished++;
      }),
    );
    // reads from other buyers, one after another, for as long as no verification has come back
    let readsWhileWaiting = 0;
    const readCodes = new Set<string>();
    for (let i = 0; finished === 0 && i < 2000; i++) {
      const r = await h.call("DescribeTenant", {}, { tenant: buyers[i % buyers.length] as TestTenant });
      readCodes.add(r.body.code);
      if (finished === 0) readsWhileWaiting++;
    }
    const results = await Promise.all(pending);
    expect(readCodes).toEqual(new Set(["OK"]));
    // counted, not timed: with a connection held per verification the pool of 10 is gone and none get through
    expect(readsWhileWaiting).toBeGreaterThanOrEqual(100);
    expect(results.map((r) => r.body.data?.status)).toEqual(Array(verifications).fill("verified"));
  }, 60_000);
});
