import { generateKeyPairSync, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testConfig } from "../../../test/config";
import { serveEmulator } from "../../../test/serve-emulator";
import { createDatabase, type Database } from "../../db";
import { createAwsMarketplaceEmulator } from "../../sandbox/emulators/aws-marketplace";
import { sandboxCertificateFile, snsNotification } from "../../sandbox/sns-publisher";
import { sandboxSnsCertificate } from "../../sandbox/sns-signing-key";
import { createAwsMarketplaceApi, createSnsVerifier, handleAwsNotification, type NotifyDeps, registerAwsBuyer } from "../index";

const cfg = testConfig();
const productCode = "skyport-sandbox";
const topic = cfg.AWS_SNS_TOPIC_ARNS[0] as string;
let skew = 0;
const emulator = createAwsMarketplaceEmulator(new Map([["AKIDTEST", "aws-test-secret-0123456789"]]), "us-east-1", () => Date.now() + skew);
let server: Awaited<ReturnType<typeof serveEmulator>>;
let certificates: Awaited<ReturnType<typeof serveEmulator>>;
let certificatePrefix: string;
let db: Database;
let deps: NotifyDeps;
let endpoint: string;

beforeAll(async () => {
  server = await serveEmulator((req) => emulator.handle(req), "application/x-amz-json-1.1");
  endpoint = server.endpoint;
  // the sandbox's certificate, fetched over HTTP from where the notifications say it is
  certificates = await serveEmulator(
    (req) => (req.path === `/sns/${sandboxCertificateFile}` ? { status: 200, body: sandboxSnsCertificate } : { status: 404, body: "" }),
    "application/x-pem-file",
  );
  certificatePrefix = `${certificates.endpoint}/sns`;
  db = createDatabase(inject("dbUrls"), 4);
  deps = {
    api: createAwsMarketplaceApi({ endpoint, region: "us-east-1", accessKeyId: "AKIDTEST", secretAccessKey: "aws-test-secret-0123456789" }),
    platformDb: db.platformDb,
    productCode,
    topicArns: cfg.AWS_SNS_TOPIC_ARNS,
    sns: createSnsVerifier({ extraCertificateOrigins: [certificatePrefix] }),
    now: () => new Date(),
  };
});
afterAll(async () => {
  await server.close();
  await certificates.close();
  await db.close();
});

function buyer(dimension = "skyport-enterprise", ttlMs?: number) {
  const accountId = `${Math.floor(1e11 + Math.random() * 9e11)}`;
  const customerIdentifier = `cust-${randomUUID().slice(0, 8)}`;
  const licenseArn = `arn:aws:license-manager::${accountId}:license:l-${randomUUID().slice(0, 8)}`;
  const token = emulator.sell(
    { CustomerAWSAccountId: accountId, ProductCode: productCode, LicenseArn: licenseArn, CustomerIdentifier: customerIdentifier },
    [{ Dimension: dimension, Value: { IntegerValue: 1 }, ExpirationDate: Date.parse("2027-06-01T00:00:00Z") / 1000 }],
    ttlMs,
  );
  return { accountId, customerIdentifier, licenseArn, token };
}
const tenantOf = (accountId: string) =>
  db.platformDb.tenant.findUniqueOrThrow({
    where: { channel_externalId: { channel: "aws", externalId: accountId } },
    include: { subscriptions: true },
  });
const notify = (message: object, opts?: Parameters<typeof snsNotification>[3], topicArn = topic) =>
  handleAwsNotification(
    deps,
    JSON.stringify(snsNotification(topicArn, { "product-code": productCode, ...message }, certificatePrefix, opts)),
  );

describe("the AWS Marketplace emulator", () => {
  it("refuses a request signed with the wrong secret, or too long ago", async () => {
    const wrong = createAwsMarketplaceApi({
      endpoint,
      region: "us-east-1",
      accessKeyId: "AKIDTEST",
      secretAccessKey: "not-the-secret-at-all-000",
    });
    await expect(wrong.resolveCustomer(buyer().token)).rejects.toMatchObject({ name: "InvalidSignatureException" });
    skew = 20 * 60_000;
    try {
      await expect(deps.api.resolveCustomer(buyer().token)).rejects.toMatchObject({ name: "InvalidSignatureException" });
    } finally {
      skew = 0;
    }
  });
});

describe("registration", () => {
  it("resolves the token, creates the tenant with the license and the entitled plan, and is repeatable", async () => {
    const b = buyer();
    expect(await registerAwsBuyer(deps, b.token)).toEqual({ kind: "login", accountId: b.accountId });
    expect(await registerAwsBuyer(deps, b.token)).toEqual({ kind: "login", accountId: b.accountId });
    const tenant = await tenantOf(b.accountId);
    expect(tenant.status).toBe("active");
    expect(tenant.subscriptions).toHaveLength(1);
    expect(tenant.subscriptions[0]).toMatchObject({
      instanceId: b.licenseArn,
      customerRef: b.customerIdentifier,
      plan: "enterprise",
      expiresAt: new Date("2027-06-01T00:00:00Z"),
    });
  });

  it("keeps a registration again in the order history when it names another plan, once", async () => {
    const b = buyer("skyport-basic");
    await registerAwsBuyer(deps, b.token);
    emulator.entitlements.set(`${productCode}:${b.accountId}`, [{ Dimension: "skyport-standard", Value: { IntegerValue: 1 } }]);
    await registerAwsBuyer(deps, b.token);
    await registerAwsBuyer(deps, b.token);
    const orders = await db.platformDb.marketplaceOrder.findMany({
      where: { tenant: { channel: "aws", externalId: b.accountId } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { action: true, sku: true },
    });
    expect(orders).toEqual([
      { action: "register", sku: "skyport-basic" },
      { action: "register", sku: "skyport-standard" },
    ]);
  });

  it("gives an expired, an invalid or another product's token a clear page", async () => {
    expect(await registerAwsBuyer(deps, buyer("skyport-basic", -1000).token)).toEqual({ kind: "page", status: 400, reason: "expired" });
    expect(await registerAwsBuyer(deps, "forged-token")).toEqual({ kind: "page", status: 400, reason: "invalid" });
    const other = emulator.sell(
      { CustomerAWSAccountId: "999999999999", ProductCode: "someone-elses", LicenseArn: "arn:x", CustomerIdentifier: "c" },
      [],
    );
    expect(await registerAwsBuyer(deps, other)).toEqual({ kind: "page", status: 400, reason: "product" });
  });
});

describe("SNS notifications", () => {
  it("applies each lifecycle action", async () => {
    const b = buyer("skyport-basic");
    await registerAwsBuyer(deps, b.token);
    emulator.entitlements.set(`${productCode}:${b.accountId}`, [{ Dimension: "skyport-standard", Value: { IntegerValue: 1 } }]);
    expect((await notify({ action: "entitlement-updated", "customer-aws-account-id": b.accountId })).status).toBe(200);
    expect((await tenantOf(b.accountId)).subscriptions[0]).toMatchObject({ plan: "standard" });
    // the order history keeps the SKU the entitlements named, from when they named it
    const named = await db.platformDb.marketplaceOrder.findMany({
      where: { tenant: { channel: "aws", externalId: b.accountId } },
      orderBy: { at: "asc" },
      select: { action: true, sku: true },
    });
    expect(named).toEqual([
      { action: "register", sku: "skyport-basic" },
      { action: "entitlement-updated", sku: "skyport-standard" },
    ]);
    expect((await notify({ action: "unsubscribe-pending", "customer-aws-account-id": b.accountId })).body.ok).toBe(true);
    expect((await tenantOf(b.accountId)).status).toBe("active");
    await notify({ action: "unsubscribe-success", "customer-identifier": b.customerIdentifier });
    expect(await tenantOf(b.accountId)).toMatchObject({ status: "closed" });
    await notify({ action: "subscribe-success", "customer-aws-account-id": b.accountId });
    expect(await tenantOf(b.accountId)).toMatchObject({ status: "active" });
    await notify({ action: "subscribe-fail", "customer-aws-account-id": b.accountId });
    expect(await tenantOf(b.accountId)).toMatchObject({ status: "closed" });
  });

  it("applies a duplicate MessageId once", async () => {
    const b = buyer();
    await registerAwsBuyer(deps, b.token);
    const messageId = randomUUID();
    await notify({ action: "unsubscribe-pending", "customer-aws-account-id": b.accountId }, { messageId });
    await notify({ action: "unsubscribe-pending", "customer-aws-account-id": b.accountId }, { messageId });
    expect(
      await db.platformDb.marketplaceOrder.count({ where: { action: "unsubscribe-pending", tenant: { externalId: b.accountId } } }),
    ).toBe(1);
  });

  it("keeps a notification that arrives before the buyer registers, and applies it on registration", async () => {
    const b = buyer();
    expect((await notify({ action: "unsubscribe-success", "customer-aws-account-id": b.accountId })).body).toEqual({
      ok: true,
      message: "kept until the buyer registers",
    });
    await registerAwsBuyer(deps, b.token);
    expect((await tenantOf(b.accountId)).status).toBe("closed");
  });

  it("refuses a bad signature, a foreign topic and an unknown type, changing nothing", async () => {
    const b = buyer();
    await registerAwsBuyer(deps, b.token);
    const forger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect((await notify({ action: "unsubscribe-success", "customer-aws-account-id": b.accountId }, { privateKey: forger })).status).toBe(
      403,
    );
    expect(
      (await notify({ action: "unsubscribe-success", "customer-aws-account-id": b.accountId }, {}, "arn:aws:sns:us-east-1:1:elsewhere"))
        .status,
    ).toBe(403);
    const odd = { ...snsNotification(topic, {}, certificatePrefix), Type: "Telegram" };
    expect((await handleAwsNotification(deps, JSON.stringify(odd))).status).toBe(400);
    expect((await handleAwsNotification(deps, "not json")).status).toBe(400);
    expect((await tenantOf(b.accountId)).status).toBe("active");
  });
});
