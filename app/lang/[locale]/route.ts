import { type NextRequest, NextResponse } from "next/server";
import { localeCookie } from "@/components/i18n/current-locale";
import { locales } from "@/lib/i18n";

/** Sets the UI language and goes back to a local path. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const back = request.nextUrl.searchParams.get("back") ?? "/";
  const target = back.startsWith("/") && !back.startsWith("//") ? back : "/";
  const res = NextResponse.redirect(new URL(target, request.url), 303);
  if ((locales as readonly string[]).includes(locale))
    res.cookies.set(localeCookie, locale, { path: "/", sameSite: "lax", maxAge: 365 * 86400 });
  return res;
}
