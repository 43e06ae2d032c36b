import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testConfig, testSecrets } from "../../test/config";
import { devSecretNames, ensureDevSecrets, parseConfig, readDevSecrets, resolveEndpoints } from "./index";

describe("configuration", () => {
  it("has working development defaults for everything but secrets", () => {
    const c = testConfig();
    expect(c.PORT).toBe(3000);
    expect(c.CONSOLE_KEYS.map((k) => k.channel).sort()).toEqual(["aliyun", "aws", "direct"]);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c).toMatchObject({ TRACE_RETENTION_DAYS: 14, TENANT_CACHE_SIZE: 100_000, GATEWAY_REJECT_RPS: 2, GATEWAY_REJECT_BURST: 20 });
  });

  it("publishes no secret: outside production too, each is set or generated, never defaulted", () => {
    expect(() => parseConfig({})).toThrow(/CONSOLE_KEYS: required[\s\S]*AUTH_SECRET: required[\s\S]*dev-secrets\.env/);
  });

  it("generates the development secrets once per installation, mode 0600, and keeps them", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "skyport-secrets-"));
    const first = ensureDevSecrets(dir);
    expect(Object.keys(first).sort()).toEqual([...devSecretNames].sort());
    const file = path.join(dir, "dev-secrets.env");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toMatch(/^AUTH_SECRET=[\w-]{43}$/m);
    expect(ensureDevSecrets(dir)).toEqual(first);
    expect(readDevSecrets(dir)).toEqual(first);
    expect(ensureDevSecrets(mkdtempSync(path.join(tmpdir(), "skyport-secrets-"))).AUTH_SECRET).not.toBe(first.AUTH_SECRET);
    const c = parseConfig(first);
    expect(c.CONSOLE_KEYS.map((k) => k.keyId)).toEqual(["dev-aliyun", "dev-aws", "dev-direct"]);
  });

  it("parses several keys per channel for rotation", () => {
    const c = testConfig({ CONSOLE_KEYS: "a1:aliyun:0123456789abcdef, a2:aliyun:fedcba9876543210:with:colons" });
    expect(c.CONSOLE_KEYS).toEqual([
      { keyId: "a1", channel: "aliyun", secret: "0123456789abcdef" },
      { keyId: "a2", channel: "aliyun", secret: "fedcba9876543210:with:colons" },
    ]);
  });

  it.each([
    [{ PORT: "http" }, "PORT"],
    [{ TRACE_RETENTION_DAYS: "0" }, "TRACE_RETENTION_DAYS"],
    [{ TRACE_RETENTION_DAYS: "two weeks" }, "TRACE_RETENTION_DAYS"],
    [{ TENANT_CACHE_SIZE: "0" }, "TENANT_CACHE_SIZE"],
    [{ GATEWAY_REJECT_RPS: "-1" }, "GATEWAY_REJECT_RPS"],
    [{ CONSOLE_KEYS: "k1:gcp:0123456789abcdef" }, "CONSOLE_KEYS: entry 1 (k1): channel"],
    [{ CONSOLE_KEYS: "k1:aliyun:short" }, "at least 16"],
    [{ CONSOLE_KEYS: "k1:aliyun:0123456789abcdef,k1:aws:0123456789abcdef" }, "repeated"],
    // a rotation's second secret is checked on its own, not only the whole value's length
    [{ STRIPE_WEBHOOK_SECRET: "whsec_0123456789abcdef,x" }, "STRIPE_WEBHOOK_SECRET: each comma-separated secret must be at least 16"],
    [{ DATABASE_URL: "mysql://x@y/z" }, "DATABASE_URL"],
    [{ DATABASE_URL: "postgres://o@h/db" }, "APP_DATABASE_URL: required when DATABASE_URL is set"],
  ])("names the variable and what it expects: %o", (env, words) => {
    expect(() => testConfig(env)).toThrow(words);
  });

  it("turns the sandbox on outside production, off by SANDBOX=off, and in production only when asked", () => {
    expect(testConfig().SANDBOX).toBe("on");
    expect(testConfig({ SANDBOX: "off" }).SANDBOX).toBe("off");
    const prod = {
      SKYPORT_ENV: "production",
      DATABASE_URL: "postgres://o:p@db/s",
      APP_DATABASE_URL: "postgres://app:p@db/s",
      PLATFORM_DATABASE_URL: "postgres://platform:p@db/s",
      OPS_DATABASE_URL: "postgres://ops_ro:p@db/s",
      CONSOLE_KEYS: "k1:aliyun:0123456789abcdef",
      AUTH_SECRET: "x".repeat(32),
      ALIYUN_SPI_KEY: "y".repeat(16),
      ALIYUN_ACCESS_KEY_ID: "ak",
      ALIYUN_ACCESS_KEY_SECRET: "z".repeat(16),
      AWS_MARKETPLACE_ACCESS_KEY_ID: "ak",
      AWS_MARKETPLACE_SECRET_ACCESS_KEY: "w".repeat(16),
      AWS_PRODUCT_CODE: "prod",
      AWS_SNS_TOPIC_ARNS: "arn:aws:sns:us-east-1:1:t",
      AWS_SNS_CERT: "-----BEGIN CERTIFICATE-----x",
      ALIYUN_ISV_UID: "5000",
      AWS_ISV_ACCOUNT_ID: "210987654321",
      PUBLIC_URL: "https://skyport.example.com",
      AGENT_SEAL_KEYS: `p1:${"k".repeat(43)}=`,
      USAGE_KEYS: `svc:${"u".repeat(24)}`,
    };
    expect(parseConfig(prod)).toMatchObject({ SANDBOX: "off", SEED_DEMO: "off" });
    expect(parseConfig(prod).STRIPE_SECRET_KEY, "no direct sales unless configured").toBeUndefined();
    expect(parseConfig({ ...prod, SANDBOX: "on" }).SANDBOX).toBe("on");
    // a value published with Skyport is refused in production, whichever secret it is
    for (const [name, published] of [
      ["AUTH_SECRET", "dev-only-auth-secret-change-me-0123456789"],
      ["CONSOLE_KEYS", "dev-aliyun:aliyun:dev-aliyun-console-secret"],
      ["CONSOLE_KEYS", testSecrets.CONSOLE_KEYS],
      ["ALIYUN_SPI_KEY", testSecrets.ALIYUN_SPI_KEY],
      ["AWS_MARKETPLACE_SECRET_ACCESS_KEY", "sandbox-aws-secret-access-key-0123"],
      ["AGENT_SEAL_KEYS", testSecrets.AGENT_SEAL_KEYS],
      ["USAGE_KEYS", testSecrets.USAGE_KEYS],
      ["STRIPE_SECRET_KEY", testSecrets.STRIPE_SECRET_KEY],
      ["STRIPE_WEBHOOK_SECRET", `whsec_mine_0123456789abcdef,${testSecrets.STRIPE_WEBHOOK_SECRET}`],
    ])
      expect(() => parseConfig({ ...prod, [name as string]: published }), name).toThrow(`${name}: is a value published with Skyport`);
  });

  it("requires secrets, a database and the public address in production, with no defaults", () => {
    expect(() => parseConfig({ SKYPORT_ENV: "production" })).toThrow(/CONSOLE_KEYS[\s\S]*AUTH_SECRET|AUTH_SECRET[\s\S]*CONSOLE_KEYS/);
    expect(() => parseConfig({ SKYPORT_ENV: "production" })).toThrow(/PUBLIC_URL: required in production/);
  });

  it("resolves every endpoint once: configured, else the sandbox's emulator over loopback, else unset", () => {
    const dev = resolveEndpoints(testConfig({ PORT: "3100" }));
    expect(dev).toMatchObject({
      publicUrl: "http://localhost:3100",
      aliyunMarket: "http://127.0.0.1:3100/sandbox/emulators/aliyun-market",
      aliyunSts: "http://127.0.0.1:3100/sandbox/emulators/aliyun-cloud",
      aliyunAuthorize: "http://localhost:3100/sandbox/authorize",
      awsMarketplace: "http://127.0.0.1:3100/sandbox/emulators/aws-marketplace",
    });
    const configured = resolveEndpoints(
      testConfig({ PUBLIC_URL: "https://skyport.example.com/", ALIYUN_MARKET_ENDPOINT: "https://market.aliyuncs.com", SANDBOX: "off" }),
    );
    expect(configured).toMatchObject({ publicUrl: "https://skyport.example.com", aliyunMarket: "https://market.aliyuncs.com" });
    expect(configured.aliyunSts).toBeUndefined();
    expect(configured.awsSts).toBeUndefined();
  });
});
