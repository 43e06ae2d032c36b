import { NextResponse } from "next/server";
import { currentBuyer } from "@/components/console/current-buyer";
import { setFlash } from "@/components/console/flash";
import { completeCloudAuthorization } from "@/lib/actions";
import { callAction } from "@/lib/runtime/call-action";

/** Where the marketplace's authorization page sends the buyer back, with its token. */
export async function GET(request: Request) {
  const who = await currentBuyer();
  if (!who) return NextResponse.redirect(new URL("/console", request.url), 303);
  const q = new URL(request.url).searchParams;
  const r = await callAction(who, completeCloudAuthorization, { token: q.get("token") ?? "", state: q.get("state") ?? "" });
  // the outcome travels as codes in a signed one-shot cookie, never in the URL
  const res = NextResponse.redirect(new URL("/console/cloud", request.url), 303);
  return setFlash(res, r.ok ? { done: "cloudAuthorized" } : { failed: r.code, traceId: r.traceId, ...(r.reason && { reason: r.reason }) });
}
