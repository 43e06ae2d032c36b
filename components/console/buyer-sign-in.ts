import { NextResponse } from "next/server";
import { getLocale } from "next-intl/server";
import { consoleCookie, consoleSessionMaxAge, sealConsoleSession } from "@/lib/auth";
import { type Locale, locales, type MessageKey, translator } from "@/lib/i18n";
import type { ConsoleIdentity } from "@/lib/runtime/call-action";

export const consoleCookieOptions = { httpOnly: true, sameSite: "lax", path: "/", maxAge: consoleSessionMaxAge } as const;

/**
 * Starts the buyer's console session and sends them to /console. The session
 * keeps the language they arrived with (the marketplace gives none): it is
 * their userinfo.locale from now on, until they choose another.
 */
export async function signInBuyer(secret: string, who: ConsoleIdentity, base: string | URL): Promise<NextResponse> {
  const res = NextResponse.redirect(new URL("/console", base), 303);
  res.cookies.set(consoleCookie, sealConsoleSession(secret, { ...who, locale: await getLocale() }), consoleCookieOptions);
  return res;
}

/**
 * A page for a person, not an error dump: what happened and what to do. A
 * buyer arriving from a marketplace may have no language set with us yet, so
 * it says it in both, theirs first.
 */
export async function refusalPage(status: number, message: MessageKey, advice?: MessageKey) {
  const first = await getLocale();
  const order: Locale[] = [first, ...locales.filter((l) => l !== first)];
  const said = order.map((locale) => {
    const t = translator(locale);
    return `<div lang="${locale}"><p>${escapeHtml(t(message))}</p>${advice ? `<p>${escapeHtml(t(advice))}</p>` : ""}</div>`;
  });
  const html = `<!doctype html><html lang="${first}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Skyport</title>
<style>body{font:14px system-ui,sans-serif;max-width:32rem;margin:6rem auto;padding:0 1rem;color:#111}h1{font-size:1.1rem;color:#0070cc}div{margin-top:1rem}</style></head>
<body><h1>Skyport</h1><div role="alert">${said.join("")}</div></body></html>`;
  return new NextResponse(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[c]};`);
