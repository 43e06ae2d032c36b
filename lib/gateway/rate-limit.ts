export type RateLimit = { perSecond: number; burst: number };

/**
 * A token bucket per tenant, in this process's memory: with N instances the
 * effective limit is N times this (documented in docs/gateway.md).
 * Returns 0 when the call may go ahead, else the seconds to wait.
 */
export function createRateLimiter({ perSecond, burst }: RateLimit, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return function take(key: string): number {
    const t = now();
    const b = buckets.get(key) ?? { tokens: burst, at: t };
    b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * perSecond);
    b.at = t;
    if (b.tokens < 1) {
      buckets.set(key, b);
      return Math.max(1, Math.ceil((1 - b.tokens) / perSecond));
    }
    b.tokens -= 1;
    buckets.set(key, b);
    if (buckets.size > 50_000) forgetIdle(buckets, t, burst / perSecond);
    return 0;
  };
}

function forgetIdle(buckets: Map<string, { at: number }>, now: number, refillSeconds: number) {
  for (const [key, b] of buckets) if (now - b.at > refillSeconds * 1000) buckets.delete(key);
}
