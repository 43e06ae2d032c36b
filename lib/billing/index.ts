export { aggregateClosedHours, aggregateEndingAgreements, aggregateHour } from "./aggregate-hours";
export type { BillingTarget, ChannelAnswer, MeteringChannel, RecordToSend } from "./metering-channel";
export { backoffMs, type PushReport, pushDue } from "./metering-push";
export { type AliyunMeteringKey, dimensionOf, type Metric, type MetricId, metricById, metricIds, metrics } from "./metrics";
export {
  awsSubscriptionWithoutContract,
  type BillingChannel,
  type Feature,
  marketplaceSkus,
  type Plan,
  type PlanId,
  planById,
  planForSku,
  planForStripePrice,
  planIds,
  plans,
  planWithMoreHosts,
} from "./plans";
export { reconcileMetering } from "./reconcile-metering";
export { fromStripeAmount } from "./stripe-amount";
export { createStripeClient, type StripeApi, type StripeClientConfig, webhookSecrets } from "./stripe-client";
export { stripeMetering } from "./stripe-metering";
export { createUsageIngest, isUsagePath, type UsageIngestDeps } from "./usage-ingest";
export { usagePath, usageSignature } from "./usage-signature";
export { futureSkewMs, oldestBillable, pushDeadline } from "./windows";
