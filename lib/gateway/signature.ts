import { createHmac, timingSafeEqual } from "node:crypto";

export type SignedFields = { action: string; userinfo: string; params: string; traceId: string; issuedAt: number };

export const tokenWindowSeconds = 300;

export function stringToSign(f: SignedFields): string {
  return `GET\n/api/${f.action}\n${f.userinfo}\n${f.params}\n${f.traceId}\n${f.issuedAt}`;
}

type UnsignedFields = Omit<SignedFields, "issuedAt">;

export function sign(secret: string, f: SignedFields): string {
  return createHmac("sha256", secret).update(stringToSign(f)).digest("base64url");
}

/** `v1.{keyId}.{issuedAt}.{signature}` */
export function accessToken(keyId: string, secret: string, f: SignedFields): string {
  return `v1.${keyId}.${f.issuedAt}.${sign(secret, f)}`;
}

/** issuedAt apart, so the hot path builds no object per request */
export function signatureMatches(secret: string, f: UnsignedFields, issuedAt: number, signature: string): boolean {
  const text = `GET\n/api/${f.action}\n${f.userinfo}\n${f.params}\n${f.traceId}\n${issuedAt}`;
  const expected = Buffer.from(createHmac("sha256", secret).update(text).digest("base64url"));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const tokenPattern = /^v1\.([A-Za-z0-9_-]{1,32})\.(0|[1-9][0-9]{0,11})\.([A-Za-z0-9_-]{43})$/;

export type ParsedToken = { keyId: string; issuedAt: number; signature: string };

export function parseAccessToken(token: string): ParsedToken | undefined {
  const m = tokenPattern.exec(token);
  if (!m) return undefined;
  return { keyId: m[1] as string, issuedAt: Number(m[2]), signature: m[3] as string };
}
