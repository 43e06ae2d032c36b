import { requireAdminFor } from "@/components/backoffice/require-staff";
import { tenantCsv, tenantListQuery } from "@/lib/backoffice";
import { queryValues } from "@/lib/http";
import { runtime } from "@/lib/runtime";

/** The admin tenant list, filtered as on the page, as a CSV download (streamed). */
export async function GET(request: Request) {
  const guard = await requireAdminFor("ExportTenants");
  if (!guard.ok) return new Response("Forbidden", { status: guard.status });
  // every value of a repeated key, for queryValues to take the first as the page does
  const search = new URL(request.url).searchParams;
  const parsed = tenantListQuery.safeParse(queryValues(Object.fromEntries([...search.keys()].map((k) => [k, search.getAll(k)]))));
  if (!parsed.success) return new Response("InvalidParameter", { status: 400 });
  const { db, config } = runtime();
  return new Response(tenantCsv(db.opsDb, parsed.data, config.AGENT_HEARTBEAT_SECONDS), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="tenants-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
