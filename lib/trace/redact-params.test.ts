import { describe, expect, it } from "vitest";
import { maxTracedParams, redactParams } from "./redact-params";

describe("params in a trace", () => {
  it("hide every value under a secret-looking key, at any depth, and keep the rest", () => {
    expect(
      redactParams({
        region: "cn-hangzhou",
        token: "abc",
        nested: { accessKeySecret: "s", AccessKeyId: "id", list: [{ password: "p", name: "n" }] },
        key: "k",
        keyword: "kept",
      }),
    ).toEqual({
      region: "cn-hangzhou",
      token: "[redacted]",
      nested: { accessKeySecret: "[redacted]", AccessKeyId: "[redacted]", list: [{ password: "[redacted]", name: "n" }] },
      key: "[redacted]",
      keyword: "kept",
    });
  });

  it("cut a long one to 4 KiB", () => {
    const kept = redactParams({ displayName: "x".repeat(10_000) });
    expect(kept).toEqual({ truncated: expect.any(String) });
    expect((kept.truncated as string).length).toBe(maxTracedParams);
  });
});
