import { randomUUID } from "node:crypto";
import { type SignedRequest, verifySigV4 } from "./sigv4";

export type AwsCustomer = { CustomerAWSAccountId: string; ProductCode: string; LicenseArn: string; CustomerIdentifier: string };
export type AwsEntitlement = { Dimension: string; Value: { IntegerValue?: number; BooleanValue?: boolean }; ExpirationDate?: number };

/**
 * AWS Marketplace Metering (ResolveCustomer) and
 * Entitlement Service (GetEntitlements), AWS JSON 1.1 over SigV4, as far as
 * Skyport uses them. Its state is what the sandbox marketplace sold.
 */
export function createAwsMarketplaceEmulator(accessKeys: ReadonlyMap<string, string>, region: string, now: () => number = Date.now) {
  const tokens = new Map<string, { customer: AwsCustomer; expiresAt: number }>();
  const entitlements = new Map<string, AwsEntitlement[]>(); // key: productCode + account

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
      default:
        return error(400, "UnknownOperationException", `Unknown operation ${String(target)}.`);
    }
  }

  /** What a buyer's subscription leaves behind: a registration token valid for `ttlMs`. */
  function sell(customer: AwsCustomer, entitled: AwsEntitlement[], ttlMs = 3600_000): string {
    const token = `sandbox-${randomUUID()}`;
    tokens.set(token, { customer, expiresAt: now() + ttlMs });
    entitlements.set(`${customer.ProductCode}:${customer.CustomerAWSAccountId}`, entitled);
    return token;
  }

  return { handle, sell, entitlements };
}

export type AwsMarketplaceEmulator = ReturnType<typeof createAwsMarketplaceEmulator>;
