import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("per-tenant rate limiter", () => {
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
});
