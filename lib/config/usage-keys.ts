import { z } from "zod";

/** A service key of the usage endpoint: the caller names `keyId`, signs with `secret`. */
export type UsageKey = { keyId: string; secret: string };

const keyIdPattern = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Parses `keyId:secret,...` (usage-and-billing.md §1): every key listed is
 * accepted, so a service's key rotates by adding the new one, moving the
 * service over, then dropping the old one.
 */
export const usageKeysSchema = z.string().transform((raw, ctx): Map<string, string> => {
  const keys = new Map<string, string>();
  for (const [i, entry] of raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .entries()) {
    const at = entry.indexOf(":");
    const keyId = entry.slice(0, at);
    const secret = entry.slice(at + 1);
    if (at < 0 || !keyIdPattern.test(keyId)) ctx.addIssue({ code: "custom", message: `entry ${i + 1}: keyId must match ${keyIdPattern}` });
    else if (secret.length < 16)
      ctx.addIssue({ code: "custom", message: `entry ${i + 1} (${keyId}): the secret must be 16 characters or more` });
    else if (keys.has(keyId)) ctx.addIssue({ code: "custom", message: `entry ${i + 1}: keyId ${keyId} repeated` });
    else keys.set(keyId, secret);
  }
  if (keys.size === 0) ctx.addIssue({ code: "custom", message: "at least one key keyId:secret" });
  return keys;
});
