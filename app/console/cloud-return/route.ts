import { NextResponse } from "next/server";
import { currentBuyer } from "@/components/console/current-buyer";
import { completeCloudAuthorization } from "@/lib/actions";
import { callAction } from "@/lib/runtime/call-action";

/** Where the marketplace's authorization page sends the buyer back, with its token. */
export async function GET(request: Request) {
  const who = await currentBuyer();
  if (!who) return NextResponse.redirect(new URL("/console", request.url), 303);
  const q = new URL(request.url).searchParams;
  const r = await callAction(who, completeCloudAuthorization, { token: q.get("token") ?? "", state: q.get("state") ?? "" });
  const back = r.ok ? "saved=1" : `error=${encodeURIComponent(`${r.message} (${r.traceId})`)}`;
  return NextResponse.redirect(new URL(`/console?${back}#cloud`, request.url), 303);
}
