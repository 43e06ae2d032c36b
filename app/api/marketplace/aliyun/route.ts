import { NextResponse } from "next/server";
import { refusalPage, signInBuyer } from "@/components/console/buyer-sign-in";
import { handleAliyunSpi } from "@/lib/marketplace";
import { aliyunSpiDeps, runtime } from "@/lib/runtime";

/** The Alibaba Cloud Marketplace SPI: order calls, and the buyer's free-login link. */
export async function GET(request: Request) {
  const { config, endpoints, db, log, reportOutage } = runtime();
  const url = new URL(request.url);
  try {
    const result = await handleAliyunSpi(aliyunSpiDeps(config, endpoints, db.platformDb), url.search.slice(1));
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

const reasons = { invalid: "refusal.aliyunInvalid", stale: "refusal.aliyunStale", unknown: "refusal.aliyunUnknown" } as const;

const loginRefused = (status: number, reason: keyof typeof reasons) => refusalPage(status, reasons[reason], "refusal.aliyunAdvice");
