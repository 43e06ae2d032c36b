import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { billedTenant, hourMs, ledgerEvents, meteringOf, recordFor, thisHour } from "../../test/metering-fixtures";
import { type EmulatorRequest, serveEmulator } from "../../test/serve-emulator";
import {
  aggregateEndingAgreements,
  aggregateHour,
  createStripeClient,
  type MeteringChannel,
  pushDue,
  reconcileMetering,
  stripeMetering,
} from "../billing";
import { createDatabase, type Database } from "../db";
import { aliyunMetering, awsMetering, createAwsMarketplaceApi, createMarketApi } from "../marketplace";
import { createMarketEmulator } from "../sandbox/emulators/aliyun-market";
import { createAwsMarketplaceEmulator } from "../sandbox/emulators/aws-marketplace";
import { createStripeEmulator } from "../sandbox/emulators/stripe";

const aliyunKeys = new Map([["ak-meter", "meter-secret-0123456789"]]);
const awsKeys = new Map([["AKIDMETER", "aws-meter-secret-0123456789"]]);
const market = createMarketEmulator(aliyunKeys);
const aws = createAwsMarketplaceEmulator(awsKeys, "us-east-1");
const stripeKey = "sk_test_meter_0123456789";
const stripeEmulator = createStripeEmulator({ secretKey: stripeKey, publicBase: "http://stripe.test" });
/** what the next calls to each emulator get instead of its answer: a status and code, or no answer in time */
const faults: Record<"aliyun" | "aws", ({ status: number; code: string } | "timeout")[]> = { aliyun: [], aws: [] };
const calls = { aliyun: 0, aws: 0 };

async function faulty(channel: "aliyun" | "aws", answer: () => { status: number; body: object | string }) {
  calls[channel]++;
  const fault = faults[channel].shift();
  if (fault === "timeout") await new Promise((r) => setTimeout(r, 11_000));
  else if (fault)
    return {
      status: fault.status,
      body: channel === "aws" ? { __type: fault.code, message: "injected" } : { Code: fault.code, Message: "injected" },
    };
  return answer();
}

let db: Database;
let servers: Awaited<ReturnType<typeof serveEmulator>>[];
let aliyunChannel: MeteringChannel;
let awsChannel: MeteringChannel;
let stripe: ReturnType<typeof createStripeClient>;
beforeAll(async () => {
  db = createDatabase(inject("dbUrls"), 4);
  const aliyunServer = await serveEmulator((req: EmulatorRequest) =>
    faulty("aliyun", () => market.handle(req.method, req.query, req.body)),
  );
  const awsServer = await serveEmulator((req) => faulty("aws", () => aws.handle(req) as never), "application/x-amz-json-1.1");
  const stripeServer = await serveEmulator((req) => stripeEmulator.handle(req));
  servers = [aliyunServer, awsServer, stripeServer];
  stripe = createStripeClient({ secretKey: stripeKey, apiBase: stripeServer.endpoint });
  aliyunChannel = aliyunMetering(
    createMarketApi({ endpoint: aliyunServer.endpoint, accessKeyId: "ak-meter", accessKeySecret: "meter-secret-0123456789" }),
  );
  awsChannel = awsMetering(
    createAwsMarketplaceApi({
      endpoint: awsServer.endpoint,
      region: "us-east-1",
      accessKeyId: "AKIDMETER",
      secretAccessKey: "aws-meter-secret-0123456789",
    }),
  );
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await db.close();
});

/** An Alibaba tenant with an instance the emulated marketplace sold. */
async function aliyunTenant() {
  const instanceId = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  market.instances.set(instanceId, { status: "OPENED", isTrial: false, beganOn: Date.now(), endOn: null, sku: "skyport-standard" });
  return { tenant: await billedTenant(db.platformDb, "aliyun", instanceId), instanceId };
}
/** An AWS tenant with a license the emulated marketplace sold. */
async function awsTenant() {
  const t = await billedTenant(db.platformDb, "aws", null);
  const licenseArn = `arn:aws:license-manager::${t.parentUid}:license:l-${randomUUID().slice(0, 12)}`;
  aws.sell(
    { CustomerAWSAccountId: t.parentUid, ProductCode: "skyport-sandbox", LicenseArn: licenseArn, CustomerIdentifier: `c-${t.parentUid}` },
    [],
  );
  await db.platformDb.subscription.updateMany({ where: { tenantId: t.id }, data: { instanceId: licenseArn } });
  return { tenant: t, licenseArn };
}
const aliyunTotal = (instanceId: string, key: string) =>
  [...market.metering.values()].filter((m) => m.instanceId === instanceId && m.key === key).reduce((n, m) => n + m.value, 0);
const awsTotal = (licenseArn: string, dimension: string) =>
  [...aws.metered.values()].filter((m) => m.LicenseArn === licenseArn && m.Dimension === dimension).reduce((n, m) => n + m.Quantity, 0);

describe("summing the ledger", () => {
  // an hour long past, that no other test sums
  const hour = new Date(Date.UTC(2001, 5, 1, 7));

  it("makes one record per tenant and billed metric from the events recorded in the hour, once", async () => {
    const { tenant: ali } = await aliyunTenant();
    const { tenant: amz } = await awsTenant();
    await ledgerEvents(db.platformDb, ali, "task_runs", [2, 3], hour);
    await ledgerEvents(db.platformDb, ali, "managed_host_hours", [1, 1, 1, 1], hour);
    await ledgerEvents(db.platformDb, ali, "api_calls", [50], hour); // Alibaba does not bill it
    await ledgerEvents(db.platformDb, amz, "api_calls", [7, 8], hour);
    await ledgerEvents(db.platformDb, amz, "task_runs", [100], new Date(hour.getTime() + hourMs)); // the next hour's
    // two workers on the same hour: one sums it, the other finds it claimed and sums nothing (no error: its run goes on to push)
    const runs = await Promise.all([aggregateHour(db.platformDb, hour), aggregateHour(db.platformDb, hour)]);
    expect(runs.sort()).toEqual([0, 3]);
    expect(await aggregateHour(db.platformDb, hour)).toBe(0);
    expect((await meteringOf(db.platformDb, ali)).map((r) => [r.metric, r.quantity, r.state, r.states])).toEqual([
      ["managed_host_hours", 4, "pending", ["pending"]],
      ["task_runs", 5, "pending", ["pending"]],
    ]);
    expect((await meteringOf(db.platformDb, amz)).map((r) => [r.metric, r.quantity])).toEqual([["api_calls", 15]]);
    const records = await db.platformDb.meteringRecord.findMany({ where: { tenantId: ali.id }, select: { dimension: true } });
    expect(records.map((r) => r.dimension).sort()).toEqual(["Frequency", "Period"]);
  });
});

describe("an ending AWS agreement", () => {
  it("45 minutes after the notice, its usage so far this hour becomes the hour's record and is pushed at once", async () => {
    const { tenant, licenseArn } = await awsTenant();
    const now = new Date();
    const hour = thisHour();
    await ledgerEvents(db.platformDb, tenant, "task_runs", [3, 4], new Date(hour.getTime() - 60_000)); // recorded from this hour's start
    await db.platformDb.marketplaceOrder.create({
      data: { tenantId: tenant.id, instanceId: licenseArn, action: "unsubscribe-pending", at: new Date(now.getTime() - 50 * 60_000) },
    });
    expect(await aggregateEndingAgreements(db.platformDb, now)).toBeGreaterThanOrEqual(1);
    await pushDue(db.platformDb, awsChannel, { now: new Date(), leaseMs: 60_000 });
    expect(await meteringOf(db.platformDb, tenant)).toMatchObject([
      { metric: "task_runs", quantity: 7, state: "accepted", states: ["pending", "sent", "accepted"] },
    ]);
    expect(awsTotal(licenseArn, "task_runs")).toBe(7);
    // a second run makes nothing new
    const before = await db.platformDb.meteringRecord.count({ where: { tenantId: tenant.id } });
    await aggregateEndingAgreements(db.platformDb, now);
    expect(await db.platformDb.meteringRecord.count({ where: { tenantId: tenant.id } })).toBe(before);
  });

  it("is left alone before 45 minutes have passed", async () => {
    const { tenant, licenseArn } = await awsTenant();
    await ledgerEvents(db.platformDb, tenant, "task_runs", [1], thisHour());
    await db.platformDb.marketplaceOrder.create({
      data: { tenantId: tenant.id, instanceId: licenseArn, action: "unsubscribe-pending", at: new Date() },
    });
    await aggregateEndingAgreements(db.platformDb, new Date());
    expect(await db.platformDb.meteringRecord.count({ where: { tenantId: tenant.id } })).toBe(0);
  });
});

describe("pushing", () => {
  it("sends Alibaba and AWS their records once each: the channels' totals equal the ledger, every transition logged", async () => {
    const hour = thisHour();
    const { tenant: ali, instanceId } = await aliyunTenant();
    const { tenant: amz, licenseArn } = await awsTenant();
    await recordFor(db.platformDb, ali, "task_runs", [2, 3], hour);
    await recordFor(db.platformDb, ali, "managed_host_hours", [1, 1], hour);
    await recordFor(db.platformDb, amz, "task_runs", [4], hour);
    await recordFor(db.platformDb, amz, "api_calls", [10, 20], hour);
    const now = new Date();
    await pushDue(db.platformDb, aliyunChannel, { now, leaseMs: 60_000 });
    await pushDue(db.platformDb, awsChannel, { now, leaseMs: 60_000 });
    expect(await meteringOf(db.platformDb, ali)).toMatchObject([
      { metric: "managed_host_hours", state: "accepted", accepted: 2, states: ["sent", "accepted"] },
      { metric: "task_runs", state: "accepted", accepted: 5, states: ["sent", "accepted"] },
    ]);
    expect(aliyunTotal(instanceId, "Frequency")).toBe(5);
    expect(aliyunTotal(instanceId, "Period")).toBe(2 * 3600); // Period counts seconds
    expect(await meteringOf(db.platformDb, amz)).toMatchObject([
      { metric: "api_calls", state: "accepted", accepted: 30 },
      { metric: "task_runs", state: "accepted", accepted: 4 },
    ]);
    expect(awsTotal(licenseArn, "api_calls")).toBe(30);
    // nothing is due any more: a second run sends nothing
    expect((await pushDue(db.platformDb, awsChannel, { now, leaseMs: 60_000 })).sent).toBe(0);
  });

  it("retries throttling, server errors and timeouts with the same identifiers and ends correct; past the window a record is dead, with why", async () => {
    const hour = thisHour();
    const { tenant: ali, instanceId } = await aliyunTenant();
    const { tenant: amz, licenseArn } = await awsTenant();
    await recordFor(db.platformDb, ali, "task_runs", [6], hour);
    await recordFor(db.platformDb, amz, "task_runs", [9], hour);
    faults.aliyun.push({ status: 503, code: "ServiceUnavailable" }, { status: 400, code: "Throttling.User" });
    faults.aws.push({ status: 400, code: "ThrottlingException" }, { status: 500, code: "InternalServiceErrorException" }, "timeout");
    let now = Date.now();
    for (let run = 0; run < 6; run++) {
      await pushDue(db.platformDb, aliyunChannel, { now: new Date(now), leaseMs: 60_000 });
      await pushDue(db.platformDb, awsChannel, { now: new Date(now), leaseMs: 60_000 });
      now += 2.5 * 60_000; // past the third backoff (2 min ± 20 %)
    }
    const [aliRecord] = await meteringOf(db.platformDb, ali);
    expect(aliRecord).toMatchObject({ state: "accepted", accepted: 6, attempts: 3 });
    expect(aliRecord?.states).toEqual(["sent", "pending", "sent", "pending", "sent", "accepted"]);
    expect(aliyunTotal(instanceId, "Frequency")).toBe(6);
    const [awsRecord] = await meteringOf(db.platformDb, amz);
    expect(awsRecord).toMatchObject({ state: "accepted", accepted: 9 });
    expect(awsTotal(licenseArn, "task_runs")).toBe(9);

    // a channel down past its window: the record ends dead, visible, with the last fault
    const { tenant: late } = await awsTenant();
    await recordFor(db.platformDb, late, "task_runs", [1], hour);
    // twice: the SDK tries a call twice itself
    faults.aws.push({ status: 503, code: "ServiceUnavailableException" }, { status: 503, code: "ServiceUnavailableException" });
    await pushDue(db.platformDb, awsChannel, { now: new Date(), leaseMs: 60_000 });
    faults.aws.length = 0;
    await pushDue(db.platformDb, awsChannel, { now: new Date(hour.getTime() + 6 * hourMs + 60_000), leaseMs: 60_000 });
    const [dead] = await meteringOf(db.platformDb, late);
    expect(dead).toMatchObject({ state: "dead", states: ["sent", "pending", "dead"] });
    expect(dead?.reason).toMatch(/^past the channel's window: ServiceUnavailable/);
  }, 60_000);

  it("sends Stripe one meter event per record, its identifier the record's id (a resend is not counted), and reads Stripe's summary back", async () => {
    const hour = thisHour();
    const customer = await stripe.customers.create({ email: "meter@example.com" });
    const t = await billedTenant(db.platformDb, "direct", `sub_${randomUUID().slice(0, 8)}`);
    await db.platformDb.subscription.updateMany({ where: { tenantId: t.id }, data: { customerRef: customer.id } });
    await recordFor(db.platformDb, t, "task_runs", [2, 3], hour);
    await recordFor(db.platformDb, t, "managed_host_hours", [4], hour);
    const channel = stripeMetering(stripe);
    await pushDue(db.platformDb, channel, { now: new Date(), leaseMs: 60_000 });
    expect(await meteringOf(db.platformDb, t)).toMatchObject([
      { metric: "managed_host_hours", state: "accepted", accepted: 4 },
      { metric: "task_runs", state: "accepted", accepted: 5 },
    ]);
    const sent = (name: string) => stripeEmulator.meterEvents().filter((e) => e.customer === customer.id && e.eventName === name);
    expect(sent("task_runs").map((e) => e.value)).toEqual([5]);
    // the worker died before writing Stripe's answer: the same records again, the same identifiers
    const records = await db.platformDb.meteringRecord.findMany({ where: { tenantId: t.id } });
    await channel.send(
      records.map((r) => ({
        id: r.id,
        tenantId: t.id,
        metric: r.metric,
        dimension: r.dimension,
        hour: r.hour,
        quantity: r.quantity.toString(),
        target: { account: t.parentUid, instanceId: null, customerRef: customer.id },
      })),
    );
    expect(sent("task_runs").map((e) => e.value)).toEqual([5]);
    // read back once the summaries have had their time (10 minutes)
    const later = new Date(Date.now() + 11 * 60_000);
    expect(await reconcileMetering(db.platformDb, channel, later)).toMatchObject({ mismatched: 0 });
    const reconciled = await db.platformDb.meteringRecord.findMany({ where: { tenantId: t.id }, orderBy: { metric: "asc" } });
    expect(reconciled.map((r) => [r.metric, Number(r.channelQuantity)])).toEqual([
      ["managed_host_hours", 4],
      ["task_runs", 5],
    ]);
  });

  it("sends AWS's unprocessed records again, the same records, until taken", async () => {
    const hour = thisHour();
    const { tenant, licenseArn } = await awsTenant();
    await recordFor(db.platformDb, tenant, "task_runs", [2], hour);
    await recordFor(db.platformDb, tenant, "api_calls", [8], hour);
    aws.state.unprocessNext = 1;
    await pushDue(db.platformDb, awsChannel, { now: new Date(), leaseMs: 60_000 });
    const first = await meteringOf(db.platformDb, tenant);
    expect(first.map((r) => r.state).sort()).toEqual(["accepted", "pending"]);
    expect(first.find((r) => r.state === "pending")?.reason).toBe("UnprocessedRecords");
    await pushDue(db.platformDb, awsChannel, { now: new Date(Date.now() + 60_000), leaseMs: 60_000 });
    expect((await meteringOf(db.platformDb, tenant)).map((r) => r.state)).toEqual(["accepted", "accepted"]);
    expect(awsTotal(licenseArn, "task_runs") + awsTotal(licenseArn, "api_calls")).toBe(10);
  });

  it("rejects what a channel will not take, with its reason: an ended AWS agreement, a tenant with nothing to bill", async () => {
    const hour = thisHour();
    const { tenant: ended, licenseArn } = await awsTenant();
    aws.unsubscribe(licenseArn);
    const nothing = await billedTenant(db.platformDb, "aliyun", null);
    await recordFor(db.platformDb, ended, "task_runs", [3], hour);
    await recordFor(db.platformDb, nothing, "task_runs", [3], hour);
    await pushDue(db.platformDb, awsChannel, { now: new Date(), leaseMs: 60_000 });
    await pushDue(db.platformDb, aliyunChannel, { now: new Date(), leaseMs: 60_000 });
    expect(await meteringOf(db.platformDb, ended)).toMatchObject([{ state: "rejected", reason: "CustomerNotSubscribed", accepted: null }]);
    expect(await meteringOf(db.platformDb, nothing)).toMatchObject([
      { state: "rejected", reason: "the tenant has no Alibaba instance to bill" },
    ]);
  });
});
