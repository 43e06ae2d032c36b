import { describe, expect, it } from "vitest";
import { createCredentialCache, type TemporaryCredentials } from "./credential-cache";

const creds = (expiresAt: number, n: number): TemporaryCredentials => ({
  accessKeyId: `STS.${n}`,
  secret: "s",
  sessionToken: "t",
  expiresAt,
});

describe("the credential cache", () => {
  it("serves 100 concurrent callers with exactly one AssumeRole", async () => {
    let calls = 0;
    const cache = createCredentialCache();
    const assume = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return creds(Date.now() + 3600_000, calls);
    };
    const all = await Promise.all(Array.from({ length: 100 }, () => cache.get("tenant-a", assume)));
    expect(calls).toBe(1);
    expect(new Set(all.map((c) => c.accessKeyId))).toEqual(new Set(["STS.1"]));
  });

  it("refreshes ahead of expiry, not after (fake clock)", async () => {
    let clock = 0;
    let calls = 0;
    const cache = createCredentialCache({ refreshAheadMs: 300_000, now: () => clock });
    const assume = async () => creds(clock + 3600_000, ++calls);
    expect((await cache.get("t", assume)).accessKeyId).toBe("STS.1");
    clock = 3600_000 - 300_001; // 5 min and 1 ms before expiry: still good
    expect((await cache.get("t", assume)).accessKeyId).toBe("STS.1");
    clock = 3600_000 - 300_000; // inside the refresh window, before expiry
    expect((await cache.get("t", assume)).accessKeyId).toBe("STS.2");
    expect(calls).toBe(2);
  });

  it("keeps keys apart, a failed AssumeRole is not cached, and a forgotten key assumes again", async () => {
    let fail = true;
    const cache = createCredentialCache();
    const assume = (n: number) => async () => {
      if (fail) throw new Error("AccessDenied");
      return creds(Date.now() + 3600_000, n);
    };
    await expect(cache.get("a", assume(1))).rejects.toThrow("AccessDenied");
    fail = false;
    expect((await cache.get("a", assume(1))).accessKeyId).toBe("STS.1");
    expect((await cache.get("b", assume(2))).accessKeyId).toBe("STS.2");
    cache.forget("a");
    expect((await cache.get("a", assume(3))).accessKeyId).toBe("STS.3");
  });
});
