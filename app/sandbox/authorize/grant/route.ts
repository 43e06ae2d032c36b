import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { requireSandbox } from "@/components/sandbox/require-sandbox";
import { authorizationToken } from "@/lib/cloud";
import { runtime } from "@/lib/runtime";
import { aliyunCloudEmulator, changeBuyerRole, marketEmulator } from "@/lib/sandbox";

/**
 * The sandbox marketplace's "Authorize": creates the role from the listing's
 * template in the buyer's emulated account (trusting the ISV, no ExternalId
 * condition) and sends the browser back with a one-time token, as Alibaba does.
 */
export async function POST(request: Request) {
  await requireSandbox();
  const { config } = runtime();
  const form = await request.formData();
  const field = (k: string) => String(form.get(k) ?? "");
  const role = field("role");
  const uid = field("aliyunuid");
  const returnUrl = field("returnurl");
  const token = field("token");
  const back = URL.canParse(returnUrl) ? new URL(returnUrl) : undefined;
  // only back to this server: the sandbox is not an open redirect
  if (!role || !uid || !back || back.origin !== new URL(request.url).origin || token !== authorizationToken(role, config.ALIYUN_SPI_KEY))
    return new NextResponse((await getTranslations())("sandbox.authorizeInvalid"), {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  const arn = `acs:ram::${uid}:role/${role}`;
  const cloud = aliyunCloudEmulator(config);
  changeBuyerRole(cloud, "grant", { arn, isvUid: config.ALIYUN_ISV_UID, externalId: "" });
  const granted = cloud.roles.get(arn);
  if (granted) granted.externalId = null;
  back.searchParams.set("token", marketEmulator(config.ALIYUN_ACCESS_KEY_ID, config.ALIYUN_ACCESS_KEY_SECRET).authorize(uid, [role]));
  return NextResponse.redirect(back, 303);
}
