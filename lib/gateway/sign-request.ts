import type { ConsoleKey } from "../config";
import { accessToken } from "./signature";

/** The spec's userinfo for a caller: a sub-user exactly when uid differs from parentUid. */
export function userinfoFor(who: {
  channel: ConsoleKey["channel"];
  uid: string;
  parentUid: string;
  name?: string | undefined;
  locale?: string | undefined;
}) {
  return {
    uid: who.uid,
    parentUid: who.parentUid,
    accountType: who.uid === who.parentUid ? "main" : "sub",
    marketplace: who.channel,
    ...(who.name && { name: who.name }),
    ...(who.locale && { locale: who.locale }),
  };
}

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
