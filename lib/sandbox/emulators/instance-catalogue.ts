/**
 * The instance types and on-demand prices the sandbox's buyer clouds offer:
 * a realistic catalogue of a few dozen types per region, priced per family,
 * size and region (list prices of the same order as the real ones; not
 * quotes).
 */
export type SandboxInstanceType = { type: string; family: string; vcpus: number; memoryGiB: number };

const sizes: [string, number][] = [
  ["large", 2],
  ["xlarge", 4],
  ["2xlarge", 8],
  ["3xlarge", 12],
  ["4xlarge", 16],
  ["6xlarge", 24],
  ["8xlarge", 32],
  ["16xlarge", 64],
];

const aliyunFamilies = [
  // family, GiB per vCPU, CNY per vCPU-month
  ["ecs.c7", 2, 145],
  ["ecs.g7", 4, 185],
  ["ecs.r7", 8, 245],
] as const;
const awsFamilies = [
  // family, GiB per vCPU, USD per vCPU-hour
  ["c6i", 2, 0.0425],
  ["m6i", 4, 0.048],
  ["r6i", 8, 0.063],
] as const;

const regionFactor: Record<string, number> = {
  "cn-hangzhou": 1,
  "cn-shanghai": 1,
  "cn-beijing": 1,
  "cn-shenzhen": 1,
  "ap-southeast-1": 1.25,
  "us-east-1": 1,
  "us-west-2": 1,
  "eu-west-1": 1.12,
  "ap-southeast-1-aws": 1.25,
  "ap-northeast-1": 1.28,
};

export const aliyunRegions = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen", "ap-southeast-1"];
export const awsRegions = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-northeast-1"];

export function aliyunInstanceTypes(): SandboxInstanceType[] {
  return aliyunFamilies.flatMap(([family, ratio]) =>
    sizes.map(([size, vcpus]) => ({ type: `${family}.${size}`, family, vcpus, memoryGiB: vcpus * ratio })),
  );
}

export function awsInstanceTypes(): SandboxInstanceType[] {
  return awsFamilies.flatMap(([family, ratio]) =>
    sizes.map(([size, vcpus]) => ({ type: `${family}.${size}`, family, vcpus, memoryGiB: vcpus * ratio })),
  );
}

/** Alibaba's monthly list price in CNY, or undefined for a type or region it does not sell. */
export function aliyunMonthlyCny(type: string, region: string): number | undefined {
  const t = aliyunInstanceTypes().find((x) => x.type === type);
  const f = aliyunFamilies.find(([family]) => family === t?.family);
  const factor = regionFactor[region];
  return t && f && factor ? Math.round(t.vcpus * f[2] * factor * 100) / 100 : undefined;
}

/** AWS's on-demand Linux price in USD per hour. */
export function awsHourlyUsd(type: string, region: string): number | undefined {
  const t = awsInstanceTypes().find((x) => x.type === type);
  const f = awsFamilies.find(([family]) => family === t?.family);
  const factor = regionFactor[region === "ap-southeast-1" ? "ap-southeast-1-aws" : region];
  return t && f && factor ? Math.round(t.vcpus * f[2] * factor * 10_000) / 10_000 : undefined;
}
