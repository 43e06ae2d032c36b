import { type NextRequest, NextResponse } from "next/server";
import { localeCookie } from "@/components/i18n/current-locale";
import { sameOriginPath } from "@/lib/auth";
import { locales } from "@/lib/i18n";

/** Sets the UI language and goes back to a local path. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const target = sameOriginPath(request.nextUrl.searchParams.get("back"), request.url);
  const res = NextResponse.redirect(new URL(target, request.url), 303);
  if ((locales as readonly string[]).includes(locale))
    res.cookies.set(localeCookie, locale, { path: "/", sameSite: "lax", maxAge: 365 * 86400 });
  return res;
}
