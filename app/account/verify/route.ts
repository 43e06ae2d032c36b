import { type NextRequest, NextResponse } from "next/server";
import { getLocale } from "next-intl/server";
import { consoleCookieOptions, refusalPage } from "@/components/console/buyer-sign-in";
import { consoleCookie, sealConsoleSession, verifyBuyer } from "@/lib/auth";
import { runtime } from "@/lib/runtime";

/** The link in the verification mail: the buyer verified, their tenant made, signed in, and sent to choose a plan. */
export async function GET(request: NextRequest) {
  const { config, db } = runtime();
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const who = token.length <= 2048 ? await verifyBuyer(db.platformDb, token, config.AUTH_SECRET) : null;
  if (!who) return refusalPage(400, "account.verifyFailed", "account.verifyAdvice");
  const res = NextResponse.redirect(new URL("/console/billing", request.url), 303);
  res.cookies.set(consoleCookie, sealConsoleSession(config.AUTH_SECRET, { ...who, locale: await getLocale() }), consoleCookieOptions);
  return res;
}
