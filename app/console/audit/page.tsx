import { getTranslations } from "next-intl/server";
import { AuditLog } from "@/components/console/audit-log";
import { consolePage } from "@/components/console/console-context";
import { FailureMessage } from "@/components/console/failure-message";
import { Pager } from "@/components/ui/pager";
import { listAuditEvents } from "@/lib/actions";
import { queryValues } from "@/lib/http";
import { callAction } from "@/lib/runtime/call-action";

const pageSize = 20;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await consolePage();
  if (!page) return null;
  // the cursor only ever goes back to the action, which refuses a malformed one
  const { after } = queryValues(await searchParams);
  const [t, audit] = await Promise.all([
    getTranslations(),
    callAction(page.who, listAuditEvents, { pageSize, ...(after && { nextToken: after }) }),
  ]);
  return (
    <>
      <h1 className="text-lg font-semibold">{t("console.nav.audit")}</h1>
      {audit.ok ? <AuditLog events={audit.data.events} /> : <FailureMessage failure={audit} />}
      {/* back to the newest also from a page whose cursor was refused */}
      <Pager
        first={after ? { href: "/console/audit", label: t("common.newest") } : undefined}
        next={
          audit.ok && audit.data.nextToken
            ? { href: `/console/audit?${new URLSearchParams({ after: audit.data.nextToken })}`, label: t("common.older") }
            : undefined
        }
      />
    </>
  );
}
