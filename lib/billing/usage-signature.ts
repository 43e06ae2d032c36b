import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { withinClockWindow } from "../http";
import { UsageError } from "./usage-error";

export const usagePath = "/api/usage/v1/events";
const skewSeconds = 300;

/** The signature a service sends for `body` at `timestamp` (usage-and-billing.md §1); tests and docs' clients sign with it. */
export function usageSignature(secret: string, timestamp: string, body: Buffer | string) {
  const digest = createHash("sha256").update(body).digest("hex");
  return createHmac("sha256", secret).update(`POST\n${usagePath}\n${timestamp}\n${digest}`).digest("base64url");
}

const digestOf = (s: string) => createHash("sha256").update(s).digest();

/**
 * Checks the key, timestamp and signature of a request; returns the key id.
 * The signature is compared as digests, in constant time whatever its length.
 */
export function verifyUsageRequest(keys: ReadonlyMap<string, string>, headers: IncomingHttpHeaders, body: Buffer, nowMs: number) {
  const keyId = headers["x-usage-key"];
  const timestamp = headers["x-usage-timestamp"];
  const signature = headers["x-usage-signature"];
  if (typeof keyId !== "string" || typeof timestamp !== "string" || typeof signature !== "string")
    throw new UsageError("InvalidSignature", "x-usage-key, x-usage-timestamp and x-usage-signature are required");
  const secret = keys.get(keyId);
  if (!secret) throw new UsageError("InvalidSignature", "unknown key or bad signature");
  if (!/^\d{1,12}$/.test(timestamp)) throw new UsageError("InvalidSignature", "x-usage-timestamp must be unix seconds");
  const expected = usageSignature(secret, timestamp, body);
  if (!timingSafeEqual(digestOf(expected), digestOf(signature))) throw new UsageError("InvalidSignature", "unknown key or bad signature");
  if (!withinClockWindow(nowMs, Number(timestamp), skewSeconds))
    throw new UsageError("TokenExpired", `x-usage-timestamp is more than ${skewSeconds} s from the server's clock`);
  return keyId;
}
