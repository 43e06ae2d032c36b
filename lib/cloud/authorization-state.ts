import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The `state` Skyport puts in the return URL of Alibaba's cross-account
 * authorization link: it names the tenant that asked. A return is accepted
 * only by that tenant, and checked before the marketplace's one-time token
 * is spent, so another tenant cannot burn it.
 */
export function authorizationState(key: string, tenantId: string): string {
  return createHmac("sha256", `cloud-authorization:${key}`).update(tenantId).digest("base64url");
}

export function authorizationStateMatches(key: string, tenantId: string, state: string): boolean {
  // fixed-length digests: timingSafeEqual needs equal byte lengths
  const digest = (s: string) => createHmac("sha256", "compare").update(s).digest();
  return timingSafeEqual(digest(authorizationState(key, tenantId)), digest(state));
}
