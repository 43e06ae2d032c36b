import { describe, expect, it } from "vitest";
import { parseConfig } from "./index";

describe("configuration", () => {
  it("has working development defaults", () => {
    const c = parseConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.CONSOLE_KEYS.map((k) => k.channel).sort()).toEqual(["aliyun", "aws", "direct"]);
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it("parses several keys per channel for rotation", () => {
    const c = parseConfig({ CONSOLE_KEYS: "a1:aliyun:0123456789abcdef, a2:aliyun:fedcba9876543210:with:colons" });
    expect(c.CONSOLE_KEYS).toEqual([
      { keyId: "a1", channel: "aliyun", secret: "0123456789abcdef" },
      { keyId: "a2", channel: "aliyun", secret: "fedcba9876543210:with:colons" },
    ]);
  });

  it.each([
    [{ PORT: "http" }, "PORT"],
    [{ CONSOLE_KEYS: "k1:gcp:0123456789abcdef" }, "CONSOLE_KEYS: entry 1 (k1): channel"],
    [{ CONSOLE_KEYS: "k1:aliyun:short" }, "at least 16"],
    [{ CONSOLE_KEYS: "k1:aliyun:0123456789abcdef,k1:aws:0123456789abcdef" }, "repeated"],
    [{ DATABASE_URL: "mysql://x@y/z" }, "DATABASE_URL"],
    [{ DATABASE_URL: "postgres://o@h/db" }, "APP_DATABASE_URL: required when DATABASE_URL is set"],
  ])("names the variable and what it expects: %o", (env, words) => {
    expect(() => parseConfig(env)).toThrow(words);
  });

  it("requires secrets and a database in production, with no defaults", () => {
    expect(() => parseConfig({ SKYPORT_ENV: "production" })).toThrow(/CONSOLE_KEYS[\s\S]*AUTH_SECRET|AUTH_SECRET[\s\S]*CONSOLE_KEYS/);
  });
});
