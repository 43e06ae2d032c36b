/** The variables endpoints come from (a Config has them all). */
type EndpointSettings = {
  PORT: number;
  SANDBOX: "on" | "off";
  PUBLIC_URL?: string | undefined;
  ALIYUN_MARKET_ENDPOINT?: string | undefined;
  ALIYUN_STS_ENDPOINT?: string | undefined;
  ALIYUN_ECS_ENDPOINT?: string | undefined;
  ALIYUN_AUTHORIZE_URL?: string | undefined;
  AWS_MARKETPLACE_ENDPOINT?: string | undefined;
  AWS_STS_ENDPOINT?: string | undefined;
  AWS_EC2_ENDPOINT?: string | undefined;
  AWS_PRICING_ENDPOINT?: string | undefined;
  STRIPE_API_BASE?: string | undefined;
  ALIYUN_LISTING_URL?: string | undefined;
  AWS_LISTING_URL?: string | undefined;
};

/** Every address Skyport calls or hands out, resolved once at start (runtime) from the configuration. */
export type Endpoints = {
  /** where buyers and marketplaces reach Skyport: the links it hands out */
  publicUrl: string;
  aliyunMarket: string | undefined;
  aliyunSts: string | undefined;
  aliyunEcs: string | undefined;
  /** the marketplace's cross-account authorization page */
  aliyunAuthorize: string | undefined;
  awsMarketplace: string | undefined;
  /** unset: the AWS SDK's regional endpoints */
  awsSts: string | undefined;
  awsEc2: string | undefined;
  awsPricing: string | undefined;
  /** Stripe's API (a base URL, path included); unset: Stripe itself (api.stripe.com) */
  stripeApi: string | undefined;
  /** the product's marketplace listings (where a marketplace buyer upgrades); unset outside the sandbox: no link */
  listings: { aliyun: string | undefined; aws: string | undefined };
  /** where SNS signing certificates may come from besides AWS's SNS hosts: the sandbox's, when on */
  snsCertificates: string | undefined;
};

/**
 * Configured endpoints; with the sandbox on, an unset one is the sandbox's
 * emulator, which this server reaches over loopback (its own port, not the
 * public address). Outside the sandbox an unset Alibaba endpoint stays unset
 * and the feature that needs it says so.
 */
export function resolveEndpoints(cfg: EndpointSettings): Endpoints {
  const emulator = (name: string) => (cfg.SANDBOX === "on" ? `http://127.0.0.1:${cfg.PORT}/sandbox/emulators/${name}` : undefined);
  const publicUrl = (cfg.PUBLIC_URL ?? `http://localhost:${cfg.PORT}`).replace(/\/+$/, "");
  return {
    publicUrl,
    aliyunMarket: cfg.ALIYUN_MARKET_ENDPOINT ?? emulator("aliyun-market"),
    aliyunSts: cfg.ALIYUN_STS_ENDPOINT ?? emulator("aliyun-cloud"),
    aliyunEcs: cfg.ALIYUN_ECS_ENDPOINT ?? emulator("aliyun-cloud"),
    // a page the buyer's browser opens: the public address
    aliyunAuthorize: cfg.ALIYUN_AUTHORIZE_URL ?? (cfg.SANDBOX === "on" ? `${publicUrl}/sandbox/authorize` : undefined),
    awsMarketplace: cfg.AWS_MARKETPLACE_ENDPOINT ?? emulator("aws-marketplace"),
    awsSts: cfg.AWS_STS_ENDPOINT ?? emulator("aws-cloud"),
    awsEc2: cfg.AWS_EC2_ENDPOINT ?? emulator("aws-cloud"),
    awsPricing: cfg.AWS_PRICING_ENDPOINT ?? emulator("aws-cloud"),
    stripeApi: cfg.STRIPE_API_BASE ?? emulator("stripe"),
    listings: {
      aliyun: cfg.ALIYUN_LISTING_URL ?? (cfg.SANDBOX === "on" ? `${publicUrl}/sandbox` : undefined),
      aws: cfg.AWS_LISTING_URL ?? (cfg.SANDBOX === "on" ? `${publicUrl}/sandbox/aws` : undefined),
    },
    snsCertificates: emulator("sns"),
  };
}
