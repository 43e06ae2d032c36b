import { type NextRequest, NextResponse } from "next/server";
import { rememberLocale } from "@/components/i18n/remember-choice";
import { consoleCookie, sameOriginPath } from "@/lib/auth";
import { matchLocale } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";

/** The language switcher: remembers the choice and goes back to the page it came from, query included. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const locale = matchLocale((await params).locale);
  const target = sameOriginPath(request.nextUrl.searchParams.get("back"), request.url);
  const res = NextResponse.redirect(new URL(target, request.url), 303);
  if (locale) rememberLocale(res.cookies, locale, request.cookies.get(consoleCookie)?.value, () => runtime().config.AUTH_SECRET);
  return res;
}
