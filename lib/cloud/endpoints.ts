import type { Config } from "../config";
import type { AliyunAccessConfig } from "./aliyun-access";
import type { AwsAccessConfig } from "./aws-access";

/** Where Skyport reaches buyers' Alibaba accounts: configured, or with the sandbox on, its emulated cloud. */
export function aliyunAccessConfig(cfg: Config): AliyunAccessConfig | undefined {
  const sandbox = cfg.SANDBOX === "on" ? `http://127.0.0.1:${cfg.PORT}/sandbox/emulators/aliyun-cloud` : undefined;
  const sts = cfg.ALIYUN_STS_ENDPOINT ?? sandbox;
  const ecs = cfg.ALIYUN_ECS_ENDPOINT ?? sandbox;
  if (!sts || !ecs) return undefined;
  return { stsEndpoint: sts, ecsEndpoint: ecs, accessKeyId: cfg.ALIYUN_ACCESS_KEY_ID, accessKeySecret: cfg.ALIYUN_ACCESS_KEY_SECRET };
}

/** Where Skyport reaches buyers' AWS accounts: configured, the sandbox's emulated account, or AWS's regional endpoints. */
export function awsAccessConfig(cfg: Config): AwsAccessConfig {
  const sandbox = cfg.SANDBOX === "on" ? `http://127.0.0.1:${cfg.PORT}/sandbox/emulators/aws-cloud` : undefined;
  return {
    stsEndpoint: cfg.AWS_STS_ENDPOINT ?? sandbox,
    ec2Endpoint: cfg.AWS_EC2_ENDPOINT ?? sandbox,
    region: cfg.AWS_REGION,
    accessKeyId: cfg.AWS_MARKETPLACE_ACCESS_KEY_ID,
    secretAccessKey: cfg.AWS_MARKETPLACE_SECRET_ACCESS_KEY,
    isvAccountId: cfg.AWS_ISV_ACCOUNT_ID,
  };
}
