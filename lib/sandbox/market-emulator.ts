import { webhookSecrets } from "../billing";
import type { Config, Endpoints } from "../config";
import { type AliyunCloudEmulator, createAliyunCloudEmulator } from "./emulators/aliyun-cloud";
import { createMarketEmulator, type MarketEmulator } from "./emulators/aliyun-market";
import { type AwsCloudEmulator, createAwsCloudEmulator } from "./emulators/aws-cloud";
import { type AwsMarketplaceEmulator, createAwsMarketplaceEmulator } from "./emulators/aws-marketplace";
import { createStripeEmulator, type StripeEmulator } from "./emulators/stripe";

// The server and Next's bundle load lib/ separately: one emulator per process through globalThis.
const holder = globalThis as unknown as { [k: symbol]: unknown };
const aliyunSlot = Symbol.for("skyport.sandbox.market");
const awsSlot = Symbol.for("skyport.sandbox.aws");
const cloudSlot = Symbol.for("skyport.sandbox.aliyun-cloud");
const awsCloudSlot = Symbol.for("skyport.sandbox.aws-cloud");
const stripeSlot = Symbol.for("skyport.sandbox.stripe");

/** The process's one emulated buyer AWS account (STS + EC2), trusting the ISV's IAM user. */
export function awsCloudEmulator(cfg: Config): AwsCloudEmulator {
  if (!holder[awsCloudSlot]) {
    const cloud = createAwsCloudEmulator(
      new Map([[cfg.AWS_MARKETPLACE_ACCESS_KEY_ID, cfg.AWS_MARKETPLACE_SECRET_ACCESS_KEY]]),
      cfg.AWS_REGION,
    );
    cloud.registerIsv(cfg.AWS_MARKETPLACE_ACCESS_KEY_ID, cfg.AWS_ISV_ACCOUNT_ID);
    holder[awsCloudSlot] = cloud;
  }
  return holder[awsCloudSlot] as AwsCloudEmulator;
}

/** The process's one emulated buyer cloud (Alibaba STS + ECS), trusting the ISV's configured key. */
export function aliyunCloudEmulator(cfg: Config): AliyunCloudEmulator {
  if (!holder[cloudSlot]) {
    const cloud = createAliyunCloudEmulator(new Map([[cfg.ALIYUN_ACCESS_KEY_ID, cfg.ALIYUN_ACCESS_KEY_SECRET]]));
    cloud.registerIsv(cfg.ALIYUN_ACCESS_KEY_ID, cfg.ALIYUN_ISV_UID);
    holder[cloudSlot] = cloud;
  }
  return holder[cloudSlot] as AliyunCloudEmulator;
}

/** The process's one Alibaba Market OpenAPI emulator. */
export function marketEmulator(accessKeyId: string, accessKeySecret: string): MarketEmulator {
  holder[aliyunSlot] ??= createMarketEmulator(new Map([[accessKeyId, accessKeySecret]]));
  return holder[aliyunSlot] as MarketEmulator;
}

/** The process's one AWS Marketplace emulator. */
export function awsEmulator(accessKeyId: string, secretAccessKey: string, region: string): AwsMarketplaceEmulator {
  holder[awsSlot] ??= createAwsMarketplaceEmulator(new Map([[accessKeyId, secretAccessKey]]), region);
  return holder[awsSlot] as AwsMarketplaceEmulator;
}

/**
 * The process's one Stripe emulator: it takes the configured secret key, its
 * hosted pages are under the public address, and it posts events to this
 * server's own webhook endpoint signed with the first STRIPE_WEBHOOK_SECRET.
 */
export function stripeEmulator(cfg: Config, endpoints: Endpoints): StripeEmulator {
  if (!cfg.STRIPE_SECRET_KEY || !cfg.STRIPE_WEBHOOK_SECRET)
    throw new Error("the Stripe emulator needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET");
  holder[stripeSlot] ??= createStripeEmulator({
    secretKey: cfg.STRIPE_SECRET_KEY,
    publicBase: `${endpoints.publicUrl}/sandbox/emulators/stripe`,
    webhook: { url: `http://127.0.0.1:${cfg.PORT}/api/webhooks/stripe`, secret: webhookSecrets(cfg.STRIPE_WEBHOOK_SECRET)[0] as string },
  });
  return holder[stripeSlot] as StripeEmulator;
}
