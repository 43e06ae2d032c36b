import { LRUCache } from "lru-cache";

export type RateLimit = { perSecond: number; burst: number };

/**
 * A token bucket per key (an account, a client address), in this process's
 * memory: with N instances the effective limit is N times this (documented
 * in docs/gateway.md). Returns 0 when the call may go ahead, else the
 * seconds to wait.
 *
 * The buckets of the `maxKeys` most recently seen keys are kept: a bucket
 * left alone refills to a full one, which is what a forgotten key gets, so
 * forgetting the least recently used costs nothing unless more keys than that
 * call within one refill; and no sweep over every bucket ever runs on a
 * request.
 */
export function createRateLimiter({ perSecond, burst }: RateLimit, now: () => number = Date.now, maxKeys = 100_000) {
  const buckets = new LRUCache<string, { tokens: number; at: number }>({ max: maxKeys });
  return function take(key: string): number {
    const t = now();
    let b = buckets.get(key);
    if (!b) {
      b = { tokens: burst, at: t };
      buckets.set(key, b);
    }
    b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * perSecond);
    b.at = t;
    if (b.tokens < 1) return Math.max(1, Math.ceil((1 - b.tokens) / perSecond));
    b.tokens -= 1;
    return 0;
  };
}
