import type { Config } from "../config";
import type { AliyunAccessConfig } from "./aliyun-access";

/** Where Skyport reaches buyers' Alibaba accounts: configured, or with the sandbox on, its emulated cloud. */
export function aliyunAccessConfig(cfg: Config): AliyunAccessConfig | undefined {
  const sandbox = cfg.SANDBOX === "on" ? `http://127.0.0.1:${cfg.PORT}/sandbox/emulators/aliyun-cloud` : undefined;
  const sts = cfg.ALIYUN_STS_ENDPOINT ?? sandbox;
  const ecs = cfg.ALIYUN_ECS_ENDPOINT ?? sandbox;
  if (!sts || !ecs) return undefined;
  return { stsEndpoint: sts, ecsEndpoint: ecs, accessKeyId: cfg.ALIYUN_ACCESS_KEY_ID, accessKeySecret: cfg.ALIYUN_ACCESS_KEY_SECRET };
}
