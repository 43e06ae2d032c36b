import { describe, expect, it } from "vitest";
import { usageKeysSchema } from "../config/usage-keys";
import { UsageError } from "./usage-error";
import { usageSignature, verifyUsageRequest } from "./usage-signature";

const body = Buffer.from('{"events":[]}');
const at = 1_796_000_000; // unix seconds
const headers = (keyId: string, signature: string, timestamp = String(at)) => ({
  "x-usage-key": keyId,
  "x-usage-timestamp": timestamp,
  "x-usage-signature": signature,
});
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return "accepted";
  } catch (err) {
    if (err instanceof UsageError) return err.code;
    throw err;
  }
};

describe("usage request signatures (usage-and-billing.md §1)", () => {
  it("signs as the spec says: a vector computed with openssl from the spec's formula", () => {
    // printf 'POST\n/api/usage/v1/events\n1796000000\n%s' "$(printf '{"events":[]}' | openssl dgst -sha256 -hex | cut -d' ' -f2)"
    //   | openssl dgst -sha256 -hmac usage-test-secret-0123456789 -binary | base64 | tr '+/' '-_' | tr -d '='
    expect(usageSignature("usage-test-secret-0123456789", String(at), body)).toBe("VD4NZpJ3Nv2nPYLe-HMA0W_FEwkdKtXDqvvde57_CD8");
  });

  it("accepts every key of USAGE_KEYS (rotation), each only with its own secret", () => {
    const keys = usageKeysSchema.parse("old:old-secret-0123456789abc, new:new-secret-0123456789abc");
    const now = at * 1000;
    const signedBy = (secret: string) => usageSignature(secret, String(at), body);
    expect(verifyUsageRequest(keys, headers("old", signedBy("old-secret-0123456789abc")), body, now)).toBe("old");
    expect(verifyUsageRequest(keys, headers("new", signedBy("new-secret-0123456789abc")), body, now)).toBe("new");
    expect(codeOf(() => verifyUsageRequest(keys, headers("new", signedBy("old-secret-0123456789abc")), body, now))).toBe(
      "InvalidSignature",
    );
    expect(codeOf(() => verifyUsageRequest(keys, headers("gone", signedBy("old-secret-0123456789abc")), body, now))).toBe(
      "InvalidSignature",
    );
  });

  it("takes a timestamp up to 300 s from the server's clock either way", () => {
    const keys = usageKeysSchema.parse("svc:svc-secret-0123456789abc");
    const call = (offset: number) => {
      const timestamp = String(at + offset);
      return codeOf(() =>
        verifyUsageRequest(keys, headers("svc", usageSignature("svc-secret-0123456789abc", timestamp, body), timestamp), body, at * 1000),
      );
    };
    expect([call(-300), call(300), call(-301), call(301)]).toEqual(["accepted", "accepted", "TokenExpired", "TokenExpired"]);
    // the spec's now is whole unix seconds: mid-second, 300 s off is still in
    const midSecond = (offset: number) => {
      const timestamp = String(at + offset);
      return codeOf(() =>
        verifyUsageRequest(
          keys,
          headers("svc", usageSignature("svc-secret-0123456789abc", timestamp, body), timestamp),
          body,
          at * 1000 + 999,
        ),
      );
    };
    expect([midSecond(-300), midSecond(300), midSecond(-301)]).toEqual(["accepted", "accepted", "TokenExpired"]);
  });

  it("refuses key lists an operator could get wrong", () => {
    for (const raw of ["", "svc", "svc:short", "a:0123456789abcdef,a:0123456789abcdef", "bad id:0123456789abcdef"])
      expect(usageKeysSchema.safeParse(raw).success).toBe(false);
  });
});
