import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import type { SealKey } from "../config";

/** What a sealed token is for: a token of one purpose never opens as another. */
export type SealPurpose = "enrolment" | "download";

const tokenPattern = /^([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]{40,2000})$/;

/**
 * `keyId.base64url(iv ‖ ciphertext ‖ tag)`: the payload as JSON, AES-256-GCM
 * under the first key, the purpose and key id authenticated with it. Opaque
 * to whoever holds it, and unforgeable without the key.
 */
export function seal(keys: readonly SealKey[], purpose: SealPurpose, payload: object): string {
  const [current] = keys;
  if (!current) throw new Error("no seal key");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  cipher.setAAD(Buffer.from(`skyport:${purpose}:${current.keyId}`));
  const body = Buffer.concat([iv, cipher.update(JSON.stringify(payload), "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${current.keyId}.${body.toString("base64url")}`;
}

/**
 * The payload of a token sealed by any of the keys for this purpose, or
 * undefined for anything else: malformed, truncated, tampered, an unknown key
 * id, another key, another purpose. The reason is not told apart on purpose.
 */
export function open(keys: readonly SealKey[], purpose: SealPurpose, token: string): unknown {
  const m = tokenPattern.exec(token);
  if (!m) return undefined;
  const [, keyId = "", encoded = ""] = m;
  const key = keys.find((k) => k.keyId === keyId);
  const body = Buffer.from(encoded, "base64url");
  if (!key || body.length < 12 + 16 + 2 || body.toString("base64url") !== encoded) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, body.subarray(0, 12));
    decipher.setAAD(Buffer.from(`skyport:${purpose}:${keyId}`));
    decipher.setAuthTag(body.subarray(body.length - 16));
    const text = Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]).toString("utf8");
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * An agent's secret: derived from a seal key and the agent's id and
 * generation, so no database dump reveals it, and re-enrolment (a new
 * generation) retires the old one. Unknown key id: undefined.
 */
export function agentSecret(keys: readonly SealKey[], keyId: string, agentId: string, generation: number): string | undefined {
  const key = keys.find((k) => k.keyId === keyId);
  return key && createHmac("sha256", key.key).update(`skyport:agent-secret:${agentId}:${generation}`).digest("base64url");
}
