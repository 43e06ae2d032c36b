import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { z } from "zod";

/**
 * A small JSON value the browser carries and cannot change: base64url JSON,
 * a dot, an HMAC-SHA256 tag keyed by the secret and the value's purpose (so a
 * flash can never be replayed as a session). Anything malformed opens as null.
 */
export function seal(secret: string, purpose: string, value: object, expiresAtSeconds: number): string {
  const body = Buffer.from(JSON.stringify({ ...value, exp: expiresAtSeconds })).toString("base64url");
  return `${body}.${tagOf(secret, purpose, body)}`;
}

export function unseal<T>(
  secret: string,
  purpose: string,
  sealed: string | undefined,
  schema: z.ZodType<T>,
  now = Date.now(),
): (T & { exp: number }) | null {
  const [body = "", tag = "", extra] = (sealed ?? "").split(".");
  if (!body || extra !== undefined || !sameText(tagOf(secret, purpose, body), tag)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const exp = (json as { exp?: unknown } | null)?.exp;
  if (typeof exp !== "number" || exp * 1000 < now) return null;
  const parsed = schema.safeParse(json);
  return parsed.success ? { ...parsed.data, exp } : null;
}

function tagOf(secret: string, purpose: string, body: string) {
  return createHmac("sha256", `${purpose}:${secret}`).update(body).digest("base64url");
}

// timingSafeEqual throws on buffers of different byte lengths (a tag of the
// right length in non-ASCII characters is longer in bytes): compare digests
function sameText(a: string, b: string) {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
