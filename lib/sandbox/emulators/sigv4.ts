import { createHash, timingSafeEqual } from "node:crypto";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";

export type SignedRequest = {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};
export type SigV4Check = { ok: true; accessKeyId: string } | { ok: false; status: number; type: string; message: string };

const windowMs = 15 * 60_000;
const authorization =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

/**
 * Verifies AWS Signature Version 4 as AWS does: the request is signed again
 * with the caller's secret by the AWS SDK's own signer (@smithy/signature-v4),
 * over exactly the headers the caller says it signed, and the signatures are
 * compared. Also checks the credential scope's region, X-Amz-Date's freshness
 * and the payload hash against the body.
 */
export async function verifySigV4(
  req: SignedRequest,
  secrets: ReadonlyMap<string, string>,
  /** the region(s) this endpoint serves: each regional endpoint accepts only its own scope */
  region: string | readonly string[],
  now = Date.now(),
): Promise<SigV4Check> {
  const fail = (status: number, type: string, message: string): SigV4Check => ({ ok: false, status, type, message });
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(",") : v;
  };
  const auth = authorization.exec(header("authorization") ?? "");
  if (!auth) return fail(403, "MissingAuthenticationTokenException", "Missing or malformed Authorization header.");
  const [, accessKeyId = "", day = "", scopeRegion = "", service = "", signedHeaders = "", signature = ""] = auth;
  const secret = secrets.get(accessKeyId);
  if (!secret) return fail(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
  if (typeof region === "string" ? scopeRegion !== region : !region.includes(scopeRegion))
    return fail(403, "InvalidSignatureException", `Credential should be scoped to a valid region, not '${scopeRegion}'.`);
  const amzDate = header("x-amz-date") ?? "";
  const at = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));
  if (Number.isNaN(at) || !amzDate.startsWith(day) || Math.abs(now - at) > windowMs)
    return fail(403, "InvalidSignatureException", "Signature expired or X-Amz-Date is not within 15 minutes of the server time.");
  const payloadHash = createHash("sha256").update(req.body).digest("hex");
  if ((header("x-amz-content-sha256") ?? payloadHash) !== payloadHash)
    return fail(400, "InvalidSignatureException", "The payload hash does not match the body.");
  const names = signedHeaders.split(";");
  if (!names.includes("host") || !names.includes("x-amz-date"))
    return fail(403, "InvalidSignatureException", "host and x-amz-date must be signed.");

  const signer = new SignatureV4({
    credentials: { accessKeyId, secretAccessKey: secret },
    region: scopeRegion,
    service,
    sha256: Hash.bind(null, "sha256"),
  });
  const signed = await signer.sign(
    {
      method: req.method,
      protocol: "http:",
      hostname: header("host") ?? "",
      path: req.path || "/",
      query: Object.fromEntries(new URLSearchParams(req.query)),
      headers: Object.fromEntries(names.map((n) => [n, header(n) ?? ""])),
      body: req.body,
    },
    { signingDate: new Date(at), signableHeaders: new Set(names) },
  );
  const expected = Buffer.from(/Signature=([0-9a-f]{64})$/.exec(String(signed.headers.authorization))?.[1] ?? "");
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return fail(403, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided.");
  return { ok: true, accessKeyId };
}
