import { getTranslations } from "next-intl/server";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { listAuditEvents } from "@/lib/actions";
import type { ResultOf } from "@/lib/gateway";
import { codeArgs } from "@/lib/i18n";

/** One page of the tenant's audit log, newest first. */
export async function AuditLog({ events }: { events: ResultOf<typeof listAuditEvents>["events"] }) {
  const t = await getTranslations();
  return (
    <Table
      head={[t("console.audit.time"), t("console.audit.change"), t("console.audit.actor"), t("console.audit.target")]}
      empty={t("console.audit.empty")}
    >
      {events.map((e) => (
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
  );
}
