import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("rate limiter", () => {
  it("allows the burst, then asks the caller to wait, then refills", () => {
    let now = 0;
    const take = createRateLimiter({ perSecond: 2, burst: 3 }, () => now);
    expect([take("a"), take("a"), take("a")]).toEqual([0, 0, 0]);
    expect(take("a")).toBe(1);
    expect(take("b")).toBe(0);
    now += 500;
    expect(take("a")).toBe(0);
    expect(take("a")).toBeGreaterThan(0);
  });

  it("keeps the buckets of the most recently seen keys, so an active key stays limited among many", () => {
    const now = 0;
    const take = createRateLimiter({ perSecond: 1, burst: 1 }, () => now, 3);
    expect(take("busy")).toBe(0);
    for (const key of ["k1", "k2"]) take(key);
    expect(take("busy")).toBe(1); // still its own, emptied bucket
    for (const key of ["k3", "k4", "k5"]) take(key);
    expect(take("busy")).toBe(0); // forgotten, as a bucket left alone long enough would be
  });
});
