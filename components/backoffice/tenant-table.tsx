import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { TenantRow } from "@/lib/backoffice";
import { cloudFailureText } from "@/lib/i18n";

export async function TenantTable({ tenants }: { tenants: TenantRow[] }) {
  const t = await getTranslations();
  return (
    <Table
      head={[
        t("backoffice.name"),
        t("backoffice.channel"),
        t("backoffice.account"),
        t("backoffice.status"),
        t("backoffice.plan"),
        t("backoffice.expires"),
        t("backoffice.cloud"),
        t("backoffice.created"),
      ]}
      empty={t("backoffice.tenantsEmpty")}
    >
      {tenants.map((x) => (
        <tr key={x.id} data-testid="tenant-row">
          <Cell>
            <span translate="no">{x.displayName}</span>
          </Cell>
          <Cell>
            <Badge tone="blue">{x.channel}</Badge>
          </Cell>
          <Cell mono>{x.externalId}</Cell>
          <Cell>
            <StatusBadge of="tenant" status={x.status} />
          </Cell>
          <Cell>{x.plan ?? t("common.none")}</Cell>
          <Cell>
            <Time value={x.expiresAt} />
          </Cell>
          <Cell>
            {x.cloud ? (
              <span title={x.cloudFailure ? cloudFailureText(t, { code: x.cloudFailure }) : undefined}>
                <StatusBadge of="cloud" status={x.cloud} />
              </span>
            ) : (
              t("common.none")
            )}
          </Cell>
          <Cell>
            <Time value={x.createdAt} />
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
