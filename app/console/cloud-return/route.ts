import { NextResponse } from "next/server";
import { currentBuyer } from "@/components/console/current-buyer";
import { callAction } from "@/lib/runtime/call-action";

/** Where the marketplace's authorization page sends the buyer back, with its token. */
export async function GET(request: Request) {
  const who = await currentBuyer();
  if (!who) return NextResponse.redirect(new URL("/console", request.url), 303);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const r = await callAction(who, "CompleteCloudAuthorization", { token });
  const q = r.ok ? "saved=1" : `error=${encodeURIComponent(`${r.message} (${r.traceId})`)}`;
  return NextResponse.redirect(new URL(`/console?${q}#cloud`, request.url), 303);
}
