import type { Config } from "../config";
import { type AliyunCloudEmulator, createAliyunCloudEmulator } from "./emulators/aliyun-cloud";
import { createMarketEmulator, type MarketEmulator } from "./emulators/aliyun-market";
import { type AwsCloudEmulator, createAwsCloudEmulator } from "./emulators/aws-cloud";
import { type AwsMarketplaceEmulator, createAwsMarketplaceEmulator } from "./emulators/aws-marketplace";

// The server and Next's bundle load lib/ separately: one emulator per process through globalThis.
const holder = globalThis as unknown as { [k: symbol]: unknown };
const aliyunSlot = Symbol.for("skyport.sandbox.market");
const awsSlot = Symbol.for("skyport.sandbox.aws");
const cloudSlot = Symbol.for("skyport.sandbox.aliyun-cloud");
const awsCloudSlot = Symbol.for("skyport.sandbox.aws-cloud");

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
