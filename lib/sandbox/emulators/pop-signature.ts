import { createHmac, timingSafeEqual } from "node:crypto";

/** Alibaba's RFC 3986 encoding, as the POP signature v1 uses it. */
function popEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export type PopCheck = { ok: true; params: Record<string, string> } | { ok: false; status: number; code: string; message: string };

const windowMs = 15 * 60_000;

/**
 * Verifies an RPC-style request signed with POP signature v1 (HMAC-SHA1 over
 * `METHOD&%2F&encode(sorted canonical query)`, key = secret + "&"), the
 * Timestamp within 15 minutes, and a SignatureNonce never seen before.
 */
export function createPopVerifier(secrets: ReadonlyMap<string, string>, now: () => number = Date.now) {
  const nonces = new Map<string, number>();
  return function verify(method: string, rawQuery: string): PopCheck {
    const params: Record<string, string> = {};
    for (const pair of rawQuery.split("&").filter(Boolean)) {
      const [k = "", v = ""] = pair.split("=");
      try {
        params[decodeURIComponent(k)] = decodeURIComponent(v);
      } catch {
        return { ok: false, status: 400, code: "InvalidParameter", message: "malformed query string" };
      }
    }
    const { Signature, AccessKeyId = "", SignatureNonce = "", Timestamp = "" } = params;
    const secret = secrets.get(AccessKeyId);
    if (!secret) return { ok: false, status: 404, code: "InvalidAccessKeyId.NotFound", message: "Specified access key is not found." };
    if (params.SignatureMethod !== "HMAC-SHA1" || params.SignatureVersion !== "1.0" || !Signature)
      return {
        ok: false,
        status: 400,
        code: "IncompleteSignature",
        message: "The request signature does not conform to Aliyun standards.",
      };
    const at = Date.parse(Timestamp);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(Timestamp) || Number.isNaN(at) || Math.abs(now() - at) > windowMs)
      return { ok: false, status: 400, code: "InvalidTimeStamp.Expired", message: "Specified time stamp or date value is expired." };
    const canonical = Object.keys(params)
      .filter((k) => k !== "Signature")
      .sort()
      .map((k) => `${popEncode(k)}=${popEncode(params[k] as string)}`)
      .join("&");
    const expected = createHmac("sha1", `${secret}&`)
      .update(`${method.toUpperCase()}&%2F&${popEncode(canonical)}`)
      .digest();
    const given = Buffer.from(Signature, "base64");
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, status: 400, code: "SignatureDoesNotMatch", message: "Specified signature is not matched with our calculation." };
    for (const [n, t] of nonces) if (now() - t > windowMs) nonces.delete(n);
    if (!SignatureNonce || nonces.has(SignatureNonce))
      return { ok: false, status: 400, code: "SignatureNonceUsed", message: "Specified signature nonce was used already." };
    nonces.set(SignatureNonce, now());
    return { ok: true, params };
  };
}
