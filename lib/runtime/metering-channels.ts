import { createStripeClient, type MeteringChannel, stripeMetering } from "../billing";
import type { Config, Endpoints } from "../config";
import { aliyunMetering, awsMetering, createAwsMarketplaceApi, createMarketApi } from "../marketplace";
import { marketApiConfig } from "./services";

/**
 * The channels usage is pushed to, with the ISV's keys: Alibaba when the
 * Market OpenAPI is known, AWS always (its own endpoint unless configured),
 * Stripe when a secret key is set (direct sales).
 */
export function meteringChannels(cfg: Config, endpoints: Endpoints): MeteringChannel[] {
  const market = marketApiConfig(cfg, endpoints);
  const aws = createAwsMarketplaceApi({
    endpoint: endpoints.awsMarketplace,
    region: cfg.AWS_REGION,
    accessKeyId: cfg.AWS_MARKETPLACE_ACCESS_KEY_ID,
    secretAccessKey: cfg.AWS_MARKETPLACE_SECRET_ACCESS_KEY,
  });
  const stripe = cfg.STRIPE_SECRET_KEY ? createStripeClient({ secretKey: cfg.STRIPE_SECRET_KEY, apiBase: endpoints.stripeApi }) : undefined;
  return [...(market ? [aliyunMetering(createMarketApi(market))] : []), awsMetering(aws), ...(stripe ? [stripeMetering(stripe)] : [])];
}
