import { z } from "zod";

/** An AES-256-GCM key with its id: the id travels in what it seals, so keys can rotate. */
export type SealKey = { keyId: string; key: Buffer };

const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Parses `keyId:base64key,...`: 32-byte keys (base64 or base64url). The first
 * seals, every one listed opens: to rotate, put a new key first and drop the
 * old one once nothing it sealed is still needed (docs/agents.md).
 */
export const sealKeysSchema = z.string().transform((raw, ctx): SealKey[] => {
  const keys: SealKey[] = [];
  for (const [i, entry] of raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .entries()) {
    const [keyId = "", encoded = ""] = entry.split(":");
    const key = Buffer.from(encoded, "base64");
    if (!keyIdPattern.test(keyId)) ctx.addIssue({ code: "custom", message: `entry ${i + 1}: keyId must match ${keyIdPattern}` });
    else if (key.length !== 32) ctx.addIssue({ code: "custom", message: `entry ${i + 1} (${keyId}): the key must be 32 bytes, base64` });
    else if (keys.some((k) => k.keyId === keyId)) ctx.addIssue({ code: "custom", message: `entry ${i + 1}: keyId ${keyId} repeated` });
    else keys.push({ keyId, key });
  }
  if (keys.length === 0) ctx.addIssue({ code: "custom", message: "at least one key keyId:base64key" });
  return keys;
});
