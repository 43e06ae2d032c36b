import { GetEntitlementsCommand, MarketplaceEntitlementServiceClient } from "@aws-sdk/client-marketplace-entitlement-service";
import {
  BatchMeterUsageCommand,
  type BatchMeterUsageCommandOutput,
  MarketplaceMeteringClient,
  ResolveCustomerCommand,
  type UsageRecord,
} from "@aws-sdk/client-marketplace-metering";

export type AwsApiConfig = { endpoint?: string | undefined; region: string; accessKeyId: string; secretAccessKey: string };
export type AwsCustomer = { accountId: string; productCode: string; licenseArn: string | null; customerIdentifier: string | null };
export type AwsEntitlement = { dimension: string; expiresAt: Date | null };

/** ResolveCustomer, GetEntitlements and BatchMeterUsage through the real AWS SDK v3; the endpoint is configuration. */
export function createAwsMarketplaceApi(config: AwsApiConfig) {
  const options = {
    region: config.region,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    ...(config.endpoint && { endpoint: config.endpoint }),
    maxAttempts: 2,
    // no answer in 10 s is a fault like any other (the SDK would wait for ever)
    requestHandler: { requestTimeout: 10_000, connectionTimeout: 5_000 },
  };
  const metering = new MarketplaceMeteringClient(options);
  const entitlements = new MarketplaceEntitlementServiceClient(options);
  return {
    async resolveCustomer(registrationToken: string): Promise<AwsCustomer> {
      const r = await metering.send(new ResolveCustomerCommand({ RegistrationToken: registrationToken }));
      if (!r.CustomerAWSAccountId || !r.ProductCode) throw new Error("ResolveCustomer answered without an account or product");
      return {
        accountId: r.CustomerAWSAccountId,
        productCode: r.ProductCode,
        licenseArn: r.LicenseArn ?? null,
        customerIdentifier: r.CustomerIdentifier ?? null,
      };
    },
    /** At most 25 records, each naming CustomerAWSAccountId and LicenseArn (no ProductCode: that is the legacy form, and both at once bill twice). */
    batchMeterUsage(records: UsageRecord[]): Promise<BatchMeterUsageCommandOutput> {
      return metering.send(new BatchMeterUsageCommand({ UsageRecords: records }));
    },
    async getEntitlements(productCode: string, accountId: string): Promise<AwsEntitlement[]> {
      const out: AwsEntitlement[] = [];
      let next: string | undefined;
      do {
        const r = await entitlements.send(
          new GetEntitlementsCommand({ ProductCode: productCode, Filter: { CUSTOMER_AWS_ACCOUNT_ID: [accountId] }, NextToken: next }),
        );
        for (const e of r.Entitlements ?? []) if (e.Dimension) out.push({ dimension: e.Dimension, expiresAt: e.ExpirationDate ?? null });
        next = r.NextToken;
      } while (next);
      return out;
    },
  };
}

export type AwsMarketplaceApi = ReturnType<typeof createAwsMarketplaceApi>;
