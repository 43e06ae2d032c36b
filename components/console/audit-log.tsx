import { getTranslations } from "next-intl/server";
import { Pager } from "@/components/ui/pager";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { listAuditEvents } from "@/lib/actions";
import type { ResultOf } from "@/lib/gateway";
import { codeArgs } from "@/lib/i18n";

/** One page of the tenant's audit log, newest first, with the way to older pages. */
export async function AuditLog({ page, first }: { page: ResultOf<typeof listAuditEvents>; first: boolean }) {
  const t = await getTranslations();
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
      <Pager
        first={first ? undefined : { href: "/console/audit", label: t("common.newest") }}
        next={
          page.nextToken
            ? { href: `/console/audit?${new URLSearchParams({ after: page.nextToken })}`, label: t("common.older") }
            : undefined
        }
      />
    </div>
  );
}
