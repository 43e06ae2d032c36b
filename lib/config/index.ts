import { z } from "zod";
import { consoleKeysSchema } from "./console-keys";
import { publishedSecrets } from "./published-secrets";
import { sealKeysSchema } from "./seal-keys";
import { usageKeysSchema } from "./usage-keys";

export { type ChannelName, type ConsoleKey, channels } from "./console-keys";
export { devSecretNames, devSecretsFile, ensureDevSecrets, readDevSecrets } from "./dev-secrets";
export { type Endpoints, resolveEndpoints } from "./endpoints";
export { listensBeyondLoopback } from "./loopback";
export type { SealKey } from "./seal-keys";
export type { UsageKey } from "./usage-keys";

/** A default that only applies outside production: production must set it. */
function devDefault<T extends z.ZodType>(production: boolean, schema: T, value: z.input<T>) {
  // prefault: the default goes through the schema (and its transform) like any value
  return production ? schema : schema.prefault(value as never);
}

/**
 * A secret: never defaulted (outside production `npm start` generates them
 * into DATA_DIR/dev-secrets.env), and in production never one published in
 * this repository.
 */
/** Several secrets, comma-separated (a rotation): each one, not only the whole, at least `minLength` long. */
function secretList(production: boolean, minLength: number) {
  return secret(production, minLength).refine((v) => v.split(",").every((part) => part.trim().length >= minLength), {
    message: `each comma-separated secret must be at least ${minLength} characters`,
  });
}

function secret(production: boolean, minLength: number) {
  const value = z
    .string({ error: "required: set it, or outside production let `npm start` generate it into DATA_DIR/dev-secrets.env" })
    .min(minLength);
  return production
    ? value.refine((v) => !v.split(/[,:]/).some((part) => publishedSecrets.has(part.trim())), {
        message: "is a value published with Skyport (a development default or a test fixture): choose your own",
      })
    : value;
}

const postgresUrl = z.url({ protocol: /^postgres(ql)?$/ });
const flag = z.enum(["on", "off"]);

// SKYPORT_ENV, not NODE_ENV: `npm start` serves a production build of Next.js
// on the development setup (embedded Postgres, demo data).
const schemaFor = (production: boolean) =>
  z
    .object({
      SKYPORT_ENV: z.enum(["development", "test", "production"]).default("development"),
      HOST: z.string().default("127.0.0.1"),
      PORT: z.coerce.number().int().min(1).max(65535).default(3000),
      LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
      DATA_DIR: z.string().default(".data"),
      EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
      DATABASE_URL: postgresUrl.optional(),
      APP_DATABASE_URL: postgresUrl.optional(),
      PLATFORM_DATABASE_URL: postgresUrl.optional(),
      OPS_DATABASE_URL: postgresUrl.optional(),
      DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
      CONSOLE_KEYS: secret(production, 1).pipe(consoleKeysSchema),
      AUTH_SECRET: secret(production, 32),
      // proxies of your own in front of Skyport's front door (X-Forwarded-For entries to skip)
      TRUSTED_PROXIES: z.coerce.number().int().min(0).max(5).default(0),
      GATEWAY_TENANT_RPS: z.coerce.number().positive().default(50),
      GATEWAY_TENANT_BURST: z.coerce.number().int().positive().default(100),
      // calls refused before their accessToken verified, per client address (token bucket, per process)
      GATEWAY_REJECT_RPS: z.coerce.number().positive().default(2),
      GATEWAY_REJECT_BURST: z.coerce.number().int().positive().default(20),
      // accounts whose tenant id each process keeps (about 200 bytes each); beyond it the least recently used go
      TENANT_CACHE_SIZE: z.coerce.number().int().min(1).max(10_000_000).default(100_000),
      // the links handed to marketplaces and buyers must name the address they reach, not this process's
      PUBLIC_URL: production
        ? z.url({ protocol: /^https?$/, error: "required in production: the address buyers reach, https://skyport.example.com" })
        : z.url({ protocol: /^https?$/ }).optional(),
      ALIYUN_SPI_KEY: secret(production, 16),
      // the Market OpenAPI: unset with the sandbox on, the sandbox's emulator
      ALIYUN_MARKET_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
      ALIYUN_ACCESS_KEY_ID: devDefault(production, z.string().min(1), "sandbox-access-key"),
      ALIYUN_ACCESS_KEY_SECRET: secret(production, 16),
      // AWS Marketplace: unset endpoint with the sandbox on means the sandbox's emulator
      AWS_MARKETPLACE_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
      AWS_REGION: z
        .string()
        .regex(/^[a-z]{2}(-[a-z]+)+-\d$/)
        .default("us-east-1"),
      AWS_MARKETPLACE_ACCESS_KEY_ID: devDefault(production, z.string().min(1), "SANDBOXAWSACCESSKEY"),
      AWS_MARKETPLACE_SECRET_ACCESS_KEY: secret(production, 16),
      AWS_PRODUCT_CODE: devDefault(production, z.string().min(1), "skyport-sandbox"),
      AWS_SNS_TOPIC_ARNS: devDefault(
        production,
        z.string().transform((s) =>
          s
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean),
        ),
        "arn:aws:sns:us-east-1:287250355862:aws-mp-subscription-notification-skyport-sandbox,arn:aws:sns:us-east-1:287250355862:aws-mp-entitlement-notification-skyport-sandbox",
      ),
      // cloud access: the ISV's own accounts (what buyers' roles trust) and role names
      ALIYUN_ISV_UID: devDefault(production, z.string().regex(/^\d{1,32}$/), "1000000000000001"),
      AWS_ISV_ACCOUNT_ID: devDefault(production, z.string().regex(/^\d{12}$/), "210987654321"),
      // STS and ECS endpoints for buyers' accounts: unset with the sandbox on, the sandbox's emulated cloud
      ALIYUN_STS_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
      ALIYUN_ECS_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
      // the marketplace's cross-account authorization page; unset with the sandbox on, the sandbox's
      ALIYUN_AUTHORIZE_URL: z.url({ protocol: /^https?$/ }).optional(),
      AWS_STS_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
      AWS_EC2_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
      // the AWS Price List API (sizing's prices): unset, AWS's own (us-east-1); with the sandbox on, its emulator
      AWS_PRICING_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
      ALIYUN_ROLE_NAME: z
        .string()
        .regex(/^[\w.-]{1,64}$/)
        .default("AliyunSkyportRole"),
      AWS_ROLE_NAME: z
        .string()
        .regex(/^[\w+=,.@-]{1,64}$/)
        .default("SkyportAccess"),
      // direct sales through Stripe: the secret API key, and the webhook signing secrets (comma-separated:
      // every one listed is accepted, for rotation); in production unset means no direct sales. The API base unset
      // means Stripe itself, or with the sandbox on its emulator
      STRIPE_SECRET_KEY: production ? secret(true, 16).optional() : secret(false, 16),
      STRIPE_WEBHOOK_SECRET: production ? secretList(true, 16).optional() : secretList(false, 16),
      STRIPE_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
      // the product's marketplace listings, where /console/billing sends marketplace buyers to upgrade (sandbox: its own pages)
      ALIYUN_LISTING_URL: z.url({ protocol: /^https$/ }).optional(),
      AWS_LISTING_URL: z.url({ protocol: /^https$/ }).optional(),
      RELEASE_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(7),
      TRACE_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(500),
      // days of gateway traces kept besides today (UTC); older days are dropped whole
      TRACE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
      // agents: the keys that seal enrolment tokens and download links and derive agent secrets
      AGENT_SEAL_KEYS: secret(production, 1).pipe(sealKeysSchema),
      AGENT_HEARTBEAT_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
      // how long last-seen times may lag: heartbeats are written in batches this often
      AGENT_LAST_SEEN_FLUSH_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
      AGENT_RPS: z.coerce.number().positive().default(2),
      AGENT_BURST: z.coerce.number().int().positive().default(10),
      AGENT_TENANT_RPS: z.coerce.number().positive().default(500),
      AGENT_TENANT_BURST: z.coerce.number().int().positive().default(1_000),
      // where the prebuilt agent packages are: a folder (default DATA_DIR/agent-packages) or an S3-compatible bucket
      AGENT_PACKAGES_DIR: z.string().optional(),
      AGENT_PACKAGES_S3_BUCKET: z.string().min(3).max(63).optional(),
      AGENT_PACKAGES_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
      AGENT_PACKAGES_S3_REGION: z.string().default("us-east-1"),
      AGENT_PACKAGES_S3_ACCESS_KEY_ID: z.string().optional(),
      AGENT_PACKAGES_S3_SECRET_ACCESS_KEY: z.string().optional(),
      // usage ingest (POST /api/usage/v1/events): the services' keys, keyId:secret,...
      USAGE_KEYS: secret(production, 1).pipe(usageKeysSchema),
      USAGE_RPS: z.coerce.number().positive().default(100),
      USAGE_BURST: z.coerce.number().int().positive().default(200),
      // metering: how long a pushed record waits for its answer before it is sent again (same identifiers)
      METERING_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(300),
      // sizing: the headroom a recommended instance keeps over what the host has (percent)
      SIZING_HEADROOM_PERCENT: z.coerce.number().int().min(0).max(200).default(20),
      SEED_DEMO: flag.default(production ? "off" : "on"),
      // the sandbox marketplace: on by default outside production, and in
      // production only when explicitly set to on
      SANDBOX: flag.default(production ? "off" : "on"),
      DEMO_PASSWORD: z.string().min(8).optional(),
    })
    .superRefine((env, ctx) => {
      const roleUrls = ["APP_DATABASE_URL", "PLATFORM_DATABASE_URL", "OPS_DATABASE_URL"] as const;
      if (env.DATABASE_URL) {
        for (const name of roleUrls)
          if (!env[name])
            ctx.addIssue({
              code: "custom",
              path: [name],
              message: "required when DATABASE_URL is set",
            });
      } else if (production) {
        ctx.addIssue({
          code: "custom",
          path: ["DATABASE_URL"],
          message: "required in production (embedded Postgres is for development)",
        });
      }
    });

export type Config = z.output<ReturnType<typeof schemaFor>>;

/** Validates the environment; on failure names each variable and what it expects. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const blank = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === "" ? undefined : v]));
  const result = schemaFor(blank.SKYPORT_ENV === "production").safeParse(blank);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(environment)"}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}

export class ConfigError extends Error {
  override name = "ConfigError";
}
