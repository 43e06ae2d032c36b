import { NextResponse } from "next/server";
import { consoleCookie, consoleSessionMaxAge, sealConsoleSession } from "@/lib/auth";
import type { ConsoleIdentity } from "@/lib/runtime/call-action";

/** Starts the buyer's console session and sends them to /console. */
export function signInBuyer(secret: string, who: ConsoleIdentity, base: string | URL): NextResponse {
  const res = NextResponse.redirect(new URL("/console", base), 303);
  res.cookies.set(consoleCookie, sealConsoleSession(secret, who), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: consoleSessionMaxAge,
  });
  return res;
}

/** A page for a person, not an error dump: what happened and what to do, in English and Chinese. */
export function refusalPage(status: number, english: string, chinese: string, advice = "") {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Skyport</title>
<style>body{font:14px system-ui,sans-serif;max-width:32rem;margin:6rem auto;color:#111}h1{font-size:1.1rem;color:#0070cc}</style></head>
<body><h1>Skyport</h1><p role="alert">${english}<br>${chinese}</p>${advice && `<p>${advice}</p>`}</body></html>`;
  return new NextResponse(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
