export { type AliyunMeteringKey, billedAs, type Metric, type MetricId, metricById, metricIds, metrics } from "./metrics";
export {
  awsSubscriptionWithoutContract,
  type BillingChannel,
  type Feature,
  type Plan,
  type PlanId,
  planById,
  planForSku,
  planForStripePrice,
  planIds,
  plans,
  planWithMoreHosts,
} from "./plans";
export { createStripeClient, type StripeApi, type StripeClientConfig, webhookSecrets } from "./stripe-client";
