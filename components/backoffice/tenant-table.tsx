import { Badge, statusTone } from "@/components/ui/badge";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { TenantRow } from "@/lib/backoffice";
import type { Locale, MessageKey } from "@/lib/i18n";

export function TenantTable({ tenants, t, locale }: { tenants: TenantRow[]; t: (k: MessageKey) => string; locale: Locale }) {
  return (
    <Table
      head={[
        t("tenant.name"),
        t("tenant.channel"),
        t("tenant.account"),
        t("tenant.status"),
        t("tenant.plan"),
        t("tenant.expires"),
        t("nav.cloud"),
        t("tenant.created"),
      ]}
      empty={t("tenants.empty")}
    >
      {tenants.map((x) => (
        <tr key={x.id} data-testid="tenant-row">
          <Cell>{x.displayName}</Cell>
          <Cell>
            <Badge tone="blue">{x.channel}</Badge>
          </Cell>
          <Cell mono>{x.externalId}</Cell>
          <Cell>
            <Badge tone={statusTone[x.status] ?? "gray"}>{t(`status.${x.status}` as MessageKey)}</Badge>
          </Cell>
          <Cell>{x.plan ?? t("common.none")}</Cell>
          <Cell>
            <Time value={x.expiresAt} locale={locale} />
          </Cell>
          <Cell>
            {x.cloud ? (
              <span title={x.cloudFailure ?? ""}>
                <Badge tone={x.cloud === "verified" ? "green" : x.cloud === "failed" ? "red" : "gray"}>
                  {t(`cloud.status.${x.cloud}` as MessageKey)}
                </Badge>
              </span>
            ) : (
              t("common.none")
            )}
          </Cell>
          <Cell>
            <Time value={x.createdAt} locale={locale} />
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
