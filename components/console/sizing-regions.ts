/** The regions offered to size in, per cloud (what the sandbox's clouds emulate, and the common ones); the first is the default. */
export const sizingRegions = {
  aliyun: ["cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen", "ap-southeast-1"],
  aws: ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-northeast-1"],
} as const;

export type SizingProvider = keyof typeof sizingRegions;

/** The cloud a tenant's hosts are sized in: its marketplace's; none for direct sales. */
export const sizingProviderOf = (channel: string): SizingProvider | undefined =>
  channel === "aws" ? "aws" : channel === "aliyun" ? "aliyun" : undefined;
