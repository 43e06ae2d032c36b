import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { channels } from "../config";
import type { ConsoleIdentity } from "../runtime/call-action";

export const consoleCookie = "skyport_console";
const ttlSeconds = 8 * 3600;

const sessionSchema = z.object({
  channel: z.enum(channels),
  uid: z.string().min(1).max(64),
  parentUid: z.string().min(1).max(64),
  name: z.string().max(128).optional(),
  exp: z.number().int(),
});

/** A buyer's console session: the identity, HMAC-sealed with AUTH_SECRET. */
export function sealConsoleSession(secret: string, who: ConsoleIdentity, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ...who, exp: Math.floor(now / 1000) + ttlSeconds })).toString("base64url");
  return `${body}.${mac(secret, body)}`;
}

export function openConsoleSession(secret: string, cookie: string | undefined, now = Date.now()): ConsoleIdentity | null {
  const [body = "", tag = ""] = (cookie ?? "").split(".");
  const expected = Buffer.from(mac(secret, body));
  if (!body || expected.length !== tag.length || !timingSafeEqual(expected, Buffer.from(tag))) return null;
  const parsed = sessionSchema.safeParse(JSON.parse(Buffer.from(body, "base64url").toString()));
  if (!parsed.success || parsed.data.exp * 1000 < now) return null;
  const { exp: _exp, ...who } = parsed.data;
  return who;
}

export const consoleSessionMaxAge = ttlSeconds;

function mac(secret: string, body: string) {
  return createHmac("sha256", `console-session:${secret}`).update(body).digest("base64url");
}
