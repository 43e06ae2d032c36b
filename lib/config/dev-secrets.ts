import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";

/**
 * Secrets outside production: random per installation, made on first start
 * and kept in `<DATA_DIR>/dev-secrets.env` (mode 0600, `KEY=VALUE` under the
 * variable names of .env.example), where the sandbox, the tests and anyone
 * reading the README find them. Nothing fixed is published: a fixed default
 * would let anyone mint a session on anyone's development server.
 */
const generators = {
  CONSOLE_KEYS: () => ["aliyun", "aws", "direct"].map((channel) => `dev-${channel}:${channel}:${token()}`).join(","),
  AUTH_SECRET: () => token(32),
  ALIYUN_SPI_KEY: () => token(),
  ALIYUN_ACCESS_KEY_SECRET: () => token(),
  AWS_MARKETPLACE_SECRET_ACCESS_KEY: () => token(),
  AGENT_SEAL_KEYS: () => `dev1:${randomBytes(32).toString("base64")}`,
  USAGE_KEYS: () => `dev-usage:${token()}`,
  STRIPE_SECRET_KEY: () => `sk_test_${token()}`,
  STRIPE_WEBHOOK_SECRET: () => `whsec_${token()}`,
} as const;

export const devSecretNames = Object.keys(generators) as (keyof typeof generators)[];

const token = (bytes = 24) => randomBytes(bytes).toString("base64url");

export const devSecretsFile = (dataDir: string) => path.resolve(dataDir, "dev-secrets.env");

/** The installation's development secrets, made (and written) for any not yet there. */
export function ensureDevSecrets(dataDir: string): Record<string, string> {
  const file = devSecretsFile(dataDir);
  const kept = readDevSecrets(dataDir);
  const missing = devSecretNames.filter((name) => !kept[name]);
  if (missing.length === 0) return kept;
  for (const name of missing) kept[name] = generators[name]();
  mkdirSync(path.dirname(file), { recursive: true });
  const lines = devSecretNames.map((name) => `${name}=${kept[name]}`);
  writeFileSync(file, `# Development secrets of this installation (generated; never use them in production)\n${lines.join("\n")}\n`, {
    mode: 0o600,
  });
  return kept;
}

/** What `<dataDir>/dev-secrets.env` holds, or nothing. */
export function readDevSecrets(dataDir: string): Record<string, string> {
  const file = devSecretsFile(dataDir);
  if (!existsSync(file)) return {};
  return Object.fromEntries(Object.entries(parseEnv(readFileSync(file, "utf8"))).filter((e): e is [string, string] => Boolean(e[1])));
}
