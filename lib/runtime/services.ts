import type { ActionServices } from "../actions";
import { createStripeClient } from "../billing";
import { type AwsAccessConfig, createCredentialCache } from "../cloud";
import type { Config, Endpoints } from "../config";
import type { PrismaClient } from "../db";
import type { ReconcileAliyunDeps } from "../jobs";
import { createMarketApi, type MarketApiConfig, type SpiDeps } from "../marketplace";

/** The Market OpenAPI's address and the ISV's key, when an endpoint is known. */
export function marketApiConfig(cfg: Config, endpoints: Endpoints): MarketApiConfig | undefined {
  return endpoints.aliyunMarket
    ? { endpoint: endpoints.aliyunMarket, accessKeyId: cfg.ALIYUN_ACCESS_KEY_ID, accessKeySecret: cfg.ALIYUN_ACCESS_KEY_SECRET }
    : undefined;
}

/** What the Alibaba Cloud Marketplace's SPI is handed: its key, the role a buyer grants, where buyers land. */
export function aliyunSpiDeps(cfg: Config, endpoints: Endpoints, platformDb: PrismaClient): SpiDeps {
  return { platformDb, secret: cfg.ALIYUN_SPI_KEY, publicUrl: endpoints.publicUrl, roleName: cfg.ALIYUN_ROLE_NAME, now: () => new Date() };
}

/** The SPI's and the Market OpenAPI's, for reconciling with the marketplace; unset when no Market endpoint is known. */
export function aliyunReconcileDeps(cfg: Config, endpoints: Endpoints, platformDb: PrismaClient): ReconcileAliyunDeps | undefined {
  const market = marketApiConfig(cfg, endpoints);
  return market && { ...aliyunSpiDeps(cfg, endpoints, platformDb), market: createMarketApi(market) };
}

/** Where Skyport reaches buyers' clouds, with the ISV's keys. */
export function cloudAccessConfig(cfg: Config, endpoints: Endpoints) {
  const aliyun =
    endpoints.aliyunSts && endpoints.aliyunEcs
      ? {
          stsEndpoint: endpoints.aliyunSts,
          ecsEndpoint: endpoints.aliyunEcs,
          accessKeyId: cfg.ALIYUN_ACCESS_KEY_ID,
          accessKeySecret: cfg.ALIYUN_ACCESS_KEY_SECRET,
        }
      : undefined;
  const aws: AwsAccessConfig = {
    stsEndpoint: endpoints.awsSts,
    ec2Endpoint: endpoints.awsEc2,
    pricingEndpoint: endpoints.awsPricing,
    region: cfg.AWS_REGION,
    accessKeyId: cfg.AWS_MARKETPLACE_ACCESS_KEY_ID,
    secretAccessKey: cfg.AWS_MARKETPLACE_SECRET_ACCESS_KEY,
    isvAccountId: cfg.AWS_ISV_ACCOUNT_ID,
  };
  return { aliyun, aws };
}

/** What every action is handed, built once per process from its configuration. */
export function actionServices(cfg: Config, endpoints: Endpoints): ActionServices {
  const market = marketApiConfig(cfg, endpoints);
  const access = cloudAccessConfig(cfg, endpoints);
  return {
    now: () => new Date(),
    publicUrl: endpoints.publicUrl,
    isv: { aliyunUid: cfg.ALIYUN_ISV_UID, awsAccountId: cfg.AWS_ISV_ACCOUNT_ID },
    signingKey: cfg.AUTH_SECRET,
    aliyun: {
      roleName: cfg.ALIYUN_ROLE_NAME,
      spiKey: cfg.ALIYUN_SPI_KEY,
      authorizeUrl: endpoints.aliyunAuthorize,
      access: access.aliyun,
      market: market && createMarketApi(market),
    },
    aws: { roleName: cfg.AWS_ROLE_NAME, access: access.aws },
    credentials: createCredentialCache(),
    stripe: cfg.STRIPE_SECRET_KEY ? createStripeClient({ secretKey: cfg.STRIPE_SECRET_KEY, apiBase: endpoints.stripeApi }) : undefined,
    sizingHeadroomPercent: cfg.SIZING_HEADROOM_PERCENT,
    agents: {
      keys: cfg.AGENT_SEAL_KEYS,
      heartbeatSeconds: cfg.AGENT_HEARTBEAT_SECONDS,
      enrolmentDays: 7,
      targetEndpoint: (provider, region) =>
        cfg.SANDBOX === "on"
          ? `http://127.0.0.1:${cfg.PORT}/`
          : provider === "aliyun"
            ? `https://ecs.${region}.aliyuncs.com/`
            : `https://ec2.${region}.amazonaws.com/`,
    },
  };
}
