import { z } from "zod";
import { channels } from "../config";
import type { ConsoleIdentity } from "../runtime/call-action";
import { seal, unseal } from "./sealed";

export const consoleCookie = "skyport_console";
const ttlSeconds = 8 * 3600;
const purpose = "console-session";

const sessionSchema = z.object({
  channel: z.enum(channels),
  uid: z.string().min(1).max(64),
  parentUid: z.string().min(1).max(64),
  name: z.string().max(128).optional(),
  /** BCP 47, as the gateway's userinfo.locale: the buyer's language, first in the page's choice */
  locale: z.string().max(35).optional(),
});

/** A buyer's console session: the identity, HMAC-sealed with AUTH_SECRET. */
export function sealConsoleSession(secret: string, who: ConsoleIdentity, now = Date.now()): string {
  return seal(secret, purpose, identityOf(who), Math.floor(now / 1000) + ttlSeconds);
}

/** The buyer a console cookie names, or null for anything else (expired, forged, malformed). */
export function openConsoleSession(secret: string, cookie: string | undefined, now = Date.now()): ConsoleIdentity | null {
  const session = unseal(secret, purpose, cookie, sessionSchema, now);
  return session && identityOf(session);
}

/** The same session speaking another language (the buyer chose it); it expires when it would have. */
export function withSessionLocale(secret: string, cookie: string | undefined, locale: string, now = Date.now()): string | null {
  const session = unseal(secret, purpose, cookie, sessionSchema, now);
  return session && seal(secret, purpose, identityOf({ ...session, locale }), session.exp);
}

export const consoleSessionMaxAge = ttlSeconds;

function identityOf(s: ConsoleIdentity): ConsoleIdentity {
  return {
    channel: s.channel,
    uid: s.uid,
    parentUid: s.parentUid,
    ...(s.name !== undefined && { name: s.name }),
    ...(s.locale !== undefined && { locale: s.locale }),
  };
}
