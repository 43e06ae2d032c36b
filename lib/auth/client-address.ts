/**
 * The address of whoever sent a request that reached Next.js through the
 * front door, which appends the address it saw to X-Forwarded-For (its
 * proxy). Behind `trustedProxies` more proxies of your own, the address
 * that many entries further left; anything left of that was written by the
 * client and is not trusted.
 */
export function clientAddress(headers: Headers, trustedProxies = 0): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.at(-1 - trustedProxies) ?? "unknown";
}
