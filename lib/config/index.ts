import { z } from "zod";
import { consoleKeysSchema } from "./console-keys";
import { sandboxSnsPublicKey } from "./sandbox-sns-key";

export { type ChannelName, type ConsoleKey, channels } from "./console-keys";
export { type Endpoints, resolveEndpoints } from "./endpoints";

/** A default that only applies outside production: secrets must be set there. */
function devDefault<T extends z.ZodType>(production: boolean, schema: T, value: z.input<T>) {
  // prefault: the default goes through the schema (and its transform) like any value
  return production ? schema : schema.prefault(value as never);
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
      CONSOLE_KEYS: devDefault(
        production,
        consoleKeysSchema,
        "dev-aliyun:aliyun:dev-aliyun-console-secret,dev-aws:aws:dev-aws-console-secret,dev-direct:direct:dev-direct-console-secret",
      ),
      AUTH_SECRET: devDefault(production, z.string().min(32), "dev-only-auth-secret-change-me-0123456789"),
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
      ALIYUN_SPI_KEY: devDefault(production, z.string().min(16), "dev-aliyun-spi-key-0123456789"),
      // the Market OpenAPI: unset with the sandbox on, the sandbox's emulator
      ALIYUN_MARKET_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
      ALIYUN_ACCESS_KEY_ID: devDefault(production, z.string().min(1), "sandbox-access-key"),
      ALIYUN_ACCESS_KEY_SECRET: devDefault(production, z.string().min(16), "sandbox-access-key-secret-0123"),
      // AWS Marketplace: unset endpoint with the sandbox on means the sandbox's emulator
      AWS_MARKETPLACE_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
      AWS_REGION: z
        .string()
        .regex(/^[a-z]{2}(-[a-z]+)+-\d$/)
        .default("us-east-1"),
      AWS_MARKETPLACE_ACCESS_KEY_ID: devDefault(production, z.string().min(1), "SANDBOXAWSACCESSKEY"),
      AWS_MARKETPLACE_SECRET_ACCESS_KEY: devDefault(production, z.string().min(16), "sandbox-aws-secret-access-key-0123"),
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
      AWS_SNS_CERT: devDefault(production, z.string().includes("-----BEGIN"), sandboxSnsPublicKey),
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
      ALIYUN_ROLE_NAME: z
        .string()
        .regex(/^[\w.-]{1,64}$/)
        .default("AliyunSkyportRole"),
      AWS_ROLE_NAME: z
        .string()
        .regex(/^[\w+=,.@-]{1,64}$/)
        .default("SkyportAccess"),
      RELEASE_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(7),
      TRACE_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(500),
      // days of gateway traces kept besides today (UTC); older days are dropped whole
      TRACE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
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
