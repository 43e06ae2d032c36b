import type { ConsoleKey } from "../config";
import { accessToken } from "./signature";

/**
 * A client of the gateway: the signed query string for one call. Used by
 * Skyport's own pages (in process), the sandbox console, tests and benchmarks.
 */
export function signedQuery(
  key: ConsoleKey,
  action: string,
  userinfo: object,
  params: object,
  traceId: string,
  issuedAt = Math.floor(Date.now() / 1000),
): string {
  const f = {
    action,
    userinfo: Buffer.from(JSON.stringify(userinfo)).toString("base64url"),
    params: Buffer.from(JSON.stringify(params)).toString("base64url"),
    traceId,
    issuedAt,
  };
  const token = accessToken(key.keyId, key.secret, f);
  return `userinfo=${f.userinfo}&accessToken=${token}&params=${f.params}&traceId=${traceId}`;
}
