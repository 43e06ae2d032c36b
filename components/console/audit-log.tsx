import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { listAuditEvents } from "@/lib/actions";
import type { ResultOf } from "@/lib/gateway";
import { codeArgs } from "@/lib/i18n";

/** One page of the tenant's audit log, newest first, with the way to older pages. */
export async function AuditLog({ page, first }: { page: ResultOf<typeof listAuditEvents>; first: boolean }) {
  const t = await getTranslations();
  const pager = "inline-flex h-8 items-center rounded border border-gray-300 bg-white px-3 hover:border-primary hover:text-primary";
  return (
    <div className="space-y-3">
      <Table
        head={[t("console.audit.time"), t("console.audit.change"), t("console.audit.actor"), t("console.audit.target")]}
        empty={t("console.audit.empty")}
      >
        {page.events.map((e) => (
          <tr key={e.id} data-testid="audit-row">
            <Cell>
              <Time value={e.at} />
            </Cell>
            <Cell>{t("labels.auditAction", codeArgs(e.action))}</Cell>
            <Cell mono>{e.actorUid}</Cell>
            <Cell mono>{e.target}</Cell>
          </tr>
        ))}
      </Table>
      {(!first || page.nextToken) && (
        <nav className="flex gap-2">
          {!first && (
            <Link href="/console/audit" className={pager}>
              {t("console.audit.newest")}
            </Link>
          )}
          {page.nextToken && (
            <Link href={`/console/audit?${new URLSearchParams({ after: page.nextToken })}`} className={pager} rel="next">
              {t("console.audit.older")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
