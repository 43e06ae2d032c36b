import { randomUUID } from "node:crypto";
import type { AwsMarketplaceEmulator } from "./emulators/aws-marketplace";
import { snsNotification } from "./sns-publisher";

export type AwsSale = { accountId: string; dimension: string; productCode: string; days: number };

/** The sandbox plays AWS: a subscription leaves a registration token for the buyer's browser to post. */
export function subscribe(aws: AwsMarketplaceEmulator, sale: AwsSale): string {
  return aws.sell(
    {
      CustomerAWSAccountId: sale.accountId,
      ProductCode: sale.productCode,
      LicenseArn: `arn:aws:license-manager::${sale.accountId}:license:l-${randomUUID().slice(0, 12)}`,
      CustomerIdentifier: `sandbox-${sale.accountId}`,
    },
    [{ Dimension: sale.dimension, Value: { IntegerValue: 1 }, ExpirationDate: Math.floor((Date.now() + sale.days * 86_400_000) / 1000) }],
  );
}

/** Publishes a lifecycle notification as SNS would, signed, to `origin`'s notify endpoint. */
export async function publish(
  origin: string,
  certificates: string,
  topicArn: string,
  productCode: string,
  action: string,
  accountId: string,
) {
  const envelope = snsNotification(topicArn, { action, "customer-aws-account-id": accountId, "product-code": productCode }, certificates);
  const res = await fetch(new URL("/api/marketplace/aws/notify", origin), {
    method: "POST",
    headers: { "content-type": "text/plain" },
    body: JSON.stringify(envelope),
  });
  return {
    at: new Date().toISOString(),
    request: `POST /api/marketplace/aws/notify (${action}, MessageId ${envelope.MessageId})`,
    status: res.status,
    response: await res.text(),
  };
}
