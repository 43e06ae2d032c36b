import { NextResponse } from "next/server";
import { handleAwsNotification } from "@/lib/marketplace";
import { runtime } from "@/lib/runtime";
import { awsMarketplace } from "@/lib/runtime/aws-marketplace";

/** AWS Marketplace lifecycle notifications, delivered by SNS. */
export async function POST(request: Request) {
  const { log, reportOutage } = runtime();
  const body = await request.text();
  if (body.length > 256 * 1024) return NextResponse.json({ ok: false, message: "too large" }, { status: 413 });
  try {
    const result = await handleAwsNotification(awsMarketplace(), body);
    // refusals are logged so a misconfigured topic or certificate is visible
    if (result.status >= 400) log.warn({ aws: "notify", status: result.status, reason: result.body.message }, "aws notification refused");
    return NextResponse.json(result.body, { status: result.status });
  } catch (err) {
    if (!reportOutage("aws notify", err)) log.error({ err: (err as Error).name }, "aws notification failed");
    return NextResponse.json({ ok: false, message: "temporarily unavailable" }, { status: 503 });
  }
}
