import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export type SignedRequest = {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};
export type SigV4Check = { ok: true; accessKeyId: string } | { ok: false; status: number; type: string; message: string };

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const hmac = (key: Buffer | string, s: string) => createHmac("sha256", key).update(s).digest();
const windowMs = 15 * 60_000;

/**
 * Verifies AWS Signature Version 4 as the AWS SDK computes it: canonical
 * request (method, path, sorted query, the signed headers, payload hash),
 * string to sign over the credential scope, the derived signing key.
 * Also checks the payload hash against the body and X-Amz-Date's freshness.
 */
export function verifySigV4(req: SignedRequest, secrets: ReadonlyMap<string, string>, region: string, now = Date.now()): SigV4Check {
  const fail = (status: number, type: string, message: string): SigV4Check => ({ ok: false, status, type, message });
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(",") : v;
  };
  const auth =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      header("authorization") ?? "",
    );
  if (!auth) return fail(403, "MissingAuthenticationTokenException", "Missing or malformed Authorization header.");
  const [, accessKeyId = "", day = "", scopeRegion = "", service = "", signedHeaders = "", signature = ""] = auth;
  const secret = secrets.get(accessKeyId);
  if (!secret) return fail(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
  if (scopeRegion !== region)
    return fail(403, "InvalidSignatureException", `Credential should be scoped to a valid region, not '${scopeRegion}'.`);
  const amzDate = header("x-amz-date") ?? "";
  const at = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));
  if (Number.isNaN(at) || !amzDate.startsWith(day) || Math.abs(now - at) > windowMs)
    return fail(403, "InvalidSignatureException", "Signature expired or X-Amz-Date is not within 15 minutes of the server time.");
  const payloadHash = sha256(req.body);
  if ((header("x-amz-content-sha256") ?? payloadHash) !== payloadHash)
    return fail(400, "InvalidSignatureException", "The payload hash does not match the body.");
  const names = signedHeaders.split(";");
  if (!names.includes("host") || !names.includes("x-amz-date"))
    return fail(403, "InvalidSignatureException", "host and x-amz-date must be signed.");
  const canonicalHeaders = names.map((n) => `${n}:${(header(n) ?? "").trim().replace(/\s+/g, " ")}\n`).join("");
  const canonicalQuery = req.query.split("&").filter(Boolean).sort().join("&");
  const canonicalRequest = [req.method, req.path || "/", canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join("\n");
  const scope = `${day}/${scopeRegion}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), scopeRegion), service), "aws4_request");
  const expected = Buffer.from(hmac(key, stringToSign).toString("hex"));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return fail(403, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided.");
  return { ok: true, accessKeyId };
}
