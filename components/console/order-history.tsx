import { getTranslations } from "next-intl/server";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { listOrders } from "@/lib/actions";
import type { ResultOf } from "@/lib/gateway";
import { codeArgs } from "@/lib/i18n";

/** The marketplace's events for this tenant's instances, newest first. */
export async function OrderHistory({ orders }: { orders: ResultOf<typeof listOrders>["orders"] }) {
  const t = await getTranslations();
  return (
    <Table
      head={[
        t("console.orders.time"),
        t("console.orders.event"),
        t("console.orders.instance"),
        t("console.orders.order"),
        t("console.orders.sku"),
        t("console.orders.expires"),
      ]}
      empty={t("console.orders.empty")}
    >
      {orders.map((o) => (
        <tr key={o.id} data-testid="order-row">
          <Cell>
            <Time value={o.at} />
          </Cell>
          <Cell>{t("labels.orderEvent", codeArgs(o.action))}</Cell>
          <Cell mono>{o.instanceId}</Cell>
          <Cell mono>{o.orderId ?? t("common.none")}</Cell>
          <Cell mono>{o.sku ?? t("common.none")}</Cell>
          <Cell>
            <Time value={o.expiresAt} />
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
