import { type NextRequest, NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { signInBuyer } from "@/components/console/buyer-sign-in";
import { runtime } from "@/lib/runtime";
import { demo } from "@/prisma/seed";

/**
 * Development only: opens the console as the main account of a demo tenant
 * (`?tenant=aliyun` or the default direct one). Buyers arrive through the
 * marketplace's free login instead.
 */
export async function GET(request: NextRequest) {
  const { config } = runtime();
  if (config.SKYPORT_ENV === "production" || config.SEED_DEMO === "off")
    return new NextResponse((await getTranslations())("notFound.title"), { status: 404 });
  const tenant = request.nextUrl.searchParams.get("tenant") === "aliyun" ? demo.aliyun : demo.direct;
  const who = { channel: tenant.channel, uid: tenant.externalId, parentUid: tenant.externalId, name: "Demo owner" };
  return signInBuyer(config.AUTH_SECRET, who, request.url);
}
