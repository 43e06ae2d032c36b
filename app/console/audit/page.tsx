import { getTranslations } from "next-intl/server";
import { AuditLog } from "@/components/console/audit-log";
import { consolePage } from "@/components/console/console-context";
import { FailureMessage } from "@/components/console/failure-message";
import { listAuditEvents } from "@/lib/actions";
import { callAction } from "@/lib/runtime/call-action";

const pageSize = 20;

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ after?: string | string[] }> }) {
  const page = await consolePage();
  if (!page) return null;
  // the cursor only ever goes back to the action, which refuses one it did not make
  const { after } = await searchParams;
  const nextToken = typeof after === "string" ? after : undefined;
  const [t, audit] = await Promise.all([
    getTranslations(),
    callAction(page.who, listAuditEvents, { pageSize, ...(nextToken && { nextToken }) }),
  ]);
  return (
    <>
      <h1 className="text-lg font-semibold">{t("console.nav.audit")}</h1>
      {audit.ok ? <AuditLog page={audit.data} first={!nextToken} /> : <FailureMessage failure={audit} />}
    </>
  );
}
