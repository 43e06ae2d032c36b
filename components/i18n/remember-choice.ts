import { consoleCookieOptions } from "@/components/console/buyer-sign-in";
import { consoleCookie, withSessionLocale } from "@/lib/auth";
import type { Locale } from "@/lib/i18n";
import { localeCookie } from "./viewer";

type CookieJar = { set(name: string, value: string, options: object): unknown };
const preferenceOptions = { path: "/", sameSite: "lax", maxAge: 365 * 86400 } as const;

/** Sets a display preference (time zone, currency) for this browser. */
export const rememberPreference = (jar: CookieJar, name: string, value: string) => jar.set(name, value, preferenceOptions);

/**
 * The viewer chose a language: for this browser, and for the buyer's console
 * session, whose locale comes first (it is the userinfo.locale the gateway
 * sees), so that the choice also holds there.
 */
export function rememberLocale(jar: CookieJar, locale: Locale, consoleSession: string | undefined, secret: () => string) {
  rememberPreference(jar, localeCookie, locale);
  const resealed = consoleSession && withSessionLocale(secret(), consoleSession, locale);
  if (resealed) jar.set(consoleCookie, resealed, consoleCookieOptions);
}
