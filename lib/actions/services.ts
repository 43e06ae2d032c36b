import type { StripeApi } from "../billing";
import type { AliyunAccessConfig, AwsAccessConfig, CredentialCache, IsvAccounts } from "../cloud";
import type { SealKey } from "../config";
import { defineActionFor } from "../gateway";
import type { MarketApi } from "../marketplace";

/**
 * What Skyport hands every action (lib/runtime builds it once at start from
 * the configuration; tests build their own): actions read nothing global.
 */
export type ActionServices = {
  now: () => Date;
  /** where buyers reach Skyport: the base of every link an action hands out */
  publicUrl: string;
  /** the ISV's own cloud accounts, which buyers' roles trust */
  isv: IsvAccounts;
  /** keys what Skyport hands out and must recognise when it comes back (the authorization state) */
  signingKey: string;
  aliyun: {
    roleName: string;
    /** the ISV key: it signs the cross-account authorization link */
    spiKey: string;
    /** the marketplace's authorization page; unset: Alibaba authorization links cannot be made */
    authorizeUrl: string | undefined;
    /** buyers' STS and ECS; unset: Alibaba roles cannot be verified */
    access: AliyunAccessConfig | undefined;
    /** the Market OpenAPI; unset: authorization returns cannot be completed */
    market: MarketApi | undefined;
  };
  aws: { roleName: string; access: AwsAccessConfig };
  /** buyers' temporary credentials, per role, shared by every action of the process */
  credentials: CredentialCache;
  /** Stripe (direct sales); unset: STRIPE_SECRET_KEY is not configured */
  stripe: StripeApi | undefined;
  /** sizing keeps this much room over what a host has (percent) */
  sizingHeadroomPercent: number;
  agents: {
    /** seal download links and enrolment tokens */
    keys: readonly SealKey[];
    heartbeatSeconds: number;
    /** how long a download's enrolment token works */
    enrolmentDays: number;
    /** the endpoint a precheck tests reachability of, for a cloud's region (the sandbox's own address when on) */
    targetEndpoint: (provider: "aliyun" | "aws", region: string) => string;
  };
};

export const defineAction = defineActionFor<ActionServices>();
