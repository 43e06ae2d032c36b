import { createMarketEmulator, type MarketEmulator } from "./emulators/aliyun-market";
import { type AwsMarketplaceEmulator, createAwsMarketplaceEmulator } from "./emulators/aws-marketplace";

// The server and Next's bundle load lib/ separately: one emulator per process through globalThis.
const holder = globalThis as unknown as { [k: symbol]: unknown };
const aliyunSlot = Symbol.for("skyport.sandbox.market");
const awsSlot = Symbol.for("skyport.sandbox.aws");

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
