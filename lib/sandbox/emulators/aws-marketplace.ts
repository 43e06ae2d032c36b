import { randomUUID } from "node:crypto";
import { type SignedRequest, verifySigV4 } from "./sigv4";

export type AwsCustomer = { CustomerAWSAccountId: string; ProductCode: string; LicenseArn: string; CustomerIdentifier: string };
export type AwsUsageRecord = { Timestamp: number; CustomerAWSAccountId: string; LicenseArn: string; Dimension: string; Quantity: number };
export type AwsEntitlement = { Dimension: string; Value: { IntegerValue?: number; BooleanValue?: boolean }; ExpirationDate?: number };

/**
 * AWS Marketplace Metering (ResolveCustomer, BatchMeterUsage) and
 * Entitlement Service (GetEntitlements), AWS JSON 1.1 over SigV4, as far as
 * Skyport uses them. Its state is what the sandbox marketplace sold, and the
 * usage it accepted (`metered`: per account, license, dimension and hour, the
 * first quantity wins, as aws-marketplace.md says).
 */
export function createAwsMarketplaceEmulator(accessKeys: ReadonlyMap<string, string>, region: string, now: () => number = Date.now) {
  const tokens = new Map<string, { customer: AwsCustomer; expiresAt: number }>();
  const entitlements = new Map<string, AwsEntitlement[]>(); // key: productCode + account
  const licenses = new Map<string, { account: string; subscribed: boolean }>(); // LicenseArn →
  const metered = new Map<string, AwsUsageRecord>(); // key: account, license, dimension, hour
  const state = { unprocessNext: 0 };

  const reply = (status: number, body: object) => ({ status, body });
  const error = (status: number, type: string, message: string) => reply(status, { __type: type, message });

  async function handle(req: SignedRequest) {
    const signed = await verifySigV4(req, accessKeys, region, now());
    if (!signed.ok) return error(signed.status, signed.type, signed.message);
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(req.body || "{}");
    } catch {
      return error(400, "SerializationException", "Malformed JSON body.");
    }
    const target = req.headers["x-amz-target"];
    switch (target) {
      case "AWSMPMeteringService.ResolveCustomer": {
        const found = tokens.get(String(input.RegistrationToken ?? ""));
        if (!found) return error(400, "InvalidTokenException", "Registration token is invalid.");
        if (found.expiresAt < now()) return error(400, "ExpiredTokenException", "Registration token has expired.");
        return reply(200, found.customer);
      }
      case "AWSMPEntitlementService.GetEntitlements": {
        const filter = input.Filter as { CUSTOMER_AWS_ACCOUNT_ID?: string[] } | undefined;
        const account = filter?.CUSTOMER_AWS_ACCOUNT_ID?.[0] ?? "";
        const list = entitlements.get(`${input.ProductCode}:${account}`) ?? [];
        return reply(200, { Entitlements: list.map((e) => ({ ...e, ProductCode: input.ProductCode, CustomerAWSAccountId: account })) });
      }
      case "AWSMPMeteringService.BatchMeterUsage":
        return batchMeterUsage(input);
      default:
        return error(400, "UnknownOperationException", `Unknown operation ${String(target)}.`);
    }
  }

  function batchMeterUsage(input: Record<string, unknown>) {
    const records = (input.UsageRecords ?? []) as AwsUsageRecord[];
    if (!Array.isArray(records) || records.length === 0 || records.length > 25)
      return error(400, "InvalidParameterException", "UsageRecords must hold 1 to 25 records.");
    for (const r of records) {
      if (!r.LicenseArn || !r.CustomerAWSAccountId)
        return error(400, "InvalidParameterException", "CustomerAWSAccountId and LicenseArn are required.");
      if (licenses.get(r.LicenseArn)?.account !== r.CustomerAWSAccountId)
        return error(400, "InvalidLicenseException", `LicenseArn ${r.LicenseArn} is not valid for this account.`);
      const at = r.Timestamp * 1000;
      if (at < now() - 6 * 3_600_000 || at > now() + 3_600_000)
        return error(400, "TimestampOutOfBoundsException", "The timestamp is outside the allowed window.");
      if (!Number.isInteger(r.Quantity) || r.Quantity < 0)
        return error(400, "InvalidQuantityException", "Quantity must be a whole number, 0 or more.");
    }
    // a busy AWS hands some records back unprocessed (state.unprocessNext of them, for tests)
    const unprocessed = records.splice(records.length - Math.min(state.unprocessNext, records.length));
    state.unprocessNext -= unprocessed.length;
    const results = records.map((r) => {
      if (!licenses.get(r.LicenseArn)?.subscribed) return { UsageRecord: r, Status: "CustomerNotSubscribed" };
      const key = `${r.CustomerAWSAccountId}:${r.LicenseArn}:${r.Dimension}:${Math.floor(r.Timestamp / 3600)}`;
      const first = metered.get(key);
      if (first && first.Quantity !== r.Quantity) return { UsageRecord: r, Status: "DuplicateRecord" };
      if (!first) metered.set(key, r);
      return { UsageRecord: r, MeteringRecordId: randomUUID(), Status: "Success" };
    });
    return reply(200, { Results: results, UnprocessedRecords: unprocessed });
  }

  /** What a buyer's subscription leaves behind: a registration token valid for `ttlMs`. */
  function sell(customer: AwsCustomer, entitled: AwsEntitlement[], ttlMs = 3600_000): string {
    const token = `sandbox-${randomUUID()}`;
    tokens.set(token, { customer, expiresAt: now() + ttlMs });
    licenses.set(customer.LicenseArn, { account: customer.CustomerAWSAccountId, subscribed: true });
    entitlements.set(`${customer.ProductCode}:${customer.CustomerAWSAccountId}`, entitled);
    return token;
  }

  /** The buyer's agreement ended: usage of the license is refused (CustomerNotSubscribed). */
  function unsubscribe(licenseArn: string) {
    const license = licenses.get(licenseArn);
    if (license) license.subscribed = false;
  }

  return { handle, sell, unsubscribe, entitlements, metered, state };
}

export type AwsMarketplaceEmulator = ReturnType<typeof createAwsMarketplaceEmulator>;
