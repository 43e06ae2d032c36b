import { NextResponse } from "next/server";
import { refusalPage, signInBuyer } from "@/components/console/buyer-sign-in";
import { handleAliyunSpi } from "@/lib/marketplace";
import { runtime } from "@/lib/runtime";

/** The Alibaba Cloud Marketplace SPI: order calls, and the buyer's free-login link. */
export async function GET(request: Request) {
  const { config, endpoints, db, log, reportOutage } = runtime();
  const url = new URL(request.url);
  const publicUrl = endpoints.publicUrl;
  try {
    const result = await handleAliyunSpi(
      { platformDb: db.platformDb, secret: config.ALIYUN_SPI_KEY, publicUrl, now: () => new Date(), roleName: config.ALIYUN_ROLE_NAME },
      url.search.slice(1),
    );
    log.info(
      {
        spi: url.searchParams.get("action"),
        instanceId: url.searchParams.get("instanceId") ?? url.searchParams.get("orderBizId"),
        result: result.kind === "json" ? result.status : result.kind,
      },
      "aliyun spi",
    );
    if (result.kind === "json") return NextResponse.json(result.body, { status: result.status, headers: { "cache-control": "no-store" } });
    if (result.kind === "page") return loginRefused(result.status, result.reason);
    // back to the address the browser used, where the session cookie was just set
    return signInBuyer(config.AUTH_SECRET, { channel: "aliyun", uid: result.aliUid, parentUid: result.aliUid }, request.url);
  } catch (err) {
    // a transient fault: 5xx, so the marketplace retries (the inbox keeps the call)
    if (!reportOutage("aliyun spi", err)) log.error({ err }, "aliyun spi failed");
    return NextResponse.json({ success: false, message: "temporarily unavailable; retry" }, { status: 503 });
  }
}

export async function POST() {
  return NextResponse.json({ success: false, message: "use GET" }, { status: 405, headers: { allow: "GET" } });
}

const reasons = {
  invalid: ["This sign-in link is not valid.", "登录链接无效。"],
  stale: ["This sign-in link has expired (links are valid for 5 minutes).", "登录链接已过期（有效期 5 分钟）。"],
  unknown: ["No Skyport instance matches this link.", "没有与此链接对应的 Skyport 实例。"],
} as const;

function loginRefused(status: number, reason: keyof typeof reasons) {
  const [en, zh] = reasons[reason];
  return refusalPage(
    status,
    en,
    zh,
    "Open Skyport again from your Alibaba Cloud console (Marketplace → My orders → Free login).<br>请从阿里云控制台（云市场 → 已购买的服务 → 免登）重新进入。",
  );
}
