import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { currentBuyer } from "@/components/console/current-buyer";
import { exportTenantData } from "@/lib/actions";
import { errorStatus } from "@/lib/gateway";
import { failureText } from "@/lib/i18n";
import { callAction } from "@/lib/runtime/call-action";

/** The owner's data as a JSON download (ExportTenantData, through the gateway). */
export async function GET(request: Request) {
  const who = await currentBuyer();
  if (!who) return NextResponse.redirect(new URL("/console", request.url), 303);
  const result = await callAction(who, exportTenantData, {});
  // the gateway's own status for its code (TenantNotFound is 403, not a server fault)
  if (!result.ok)
    return NextResponse.json(
      { code: result.code, message: failureText(await getTranslations(), result), traceId: result.traceId },
      { status: errorStatus[result.code], headers: { "cache-control": "no-store" } },
    );
  const day = new Date().toISOString().slice(0, 10);
  return new NextResponse(JSON.stringify(result.data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="skyport-export-${who.parentUid.replace(/[^\w.-]/g, "_")}-${day}.json"`,
      "cache-control": "no-store",
    },
  });
}
