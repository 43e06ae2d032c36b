import { type NextRequest, NextResponse } from "next/server";
import { flashCookie, flashHeader, flashPath } from "@/components/console/flash-cookie";

/**
 * In front of every page: a Content-Security-Policy with a fresh nonce (Next.js
 * puts it on its own scripts), and the one-shot flash of a route handler
 * handed to the page it redirected to.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  headers.delete(flashHeader); // only ever from the cookie below, never from the client
  const flash = request.cookies.get(flashCookie)?.value;
  // a page load, not a client-side fetch of the page's data
  const shown = flash && request.method === "GET" && !request.headers.has("rsc");
  if (shown) headers.set(flashHeader, flash);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  if (shown) response.cookies.set(flashCookie, "", { path: flashPath, maxAge: 0 });
  return response;
}

function contentSecurityPolicy(nonce: string) {
  return [
    "default-src 'self'",
    // React reconstructs server error stacks with eval in development only
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
    // React and Next.js set style attributes, which nonces cannot cover
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
