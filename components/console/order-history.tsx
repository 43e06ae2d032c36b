import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { listOrders } from "@/lib/actions";
import type { ResultOf } from "@/lib/gateway";
import type { Locale, MessageKey } from "@/lib/i18n";

/** The marketplace's events for this tenant's instances, newest first. */
export function OrderHistory({
  orders,
  t,
  locale,
}: {
  orders: ResultOf<typeof listOrders>["orders"];
  t: (k: MessageKey) => string;
  locale: Locale;
}) {
  return (
    <section id="orders" className="space-y-2">
      <h2 className="font-semibold">{t("nav.orders")}</h2>
      <Table
        head={[t("traces.at"), t("orders.event"), t("orders.instance"), t("orders.order"), t("sandbox.sku"), t("tenant.expires")]}
        empty={t("orders.empty")}
      >
        {orders.map((o) => (
          <tr key={o.id} data-testid="order-row">
            <Cell>
              <Time value={o.at} locale={locale} />
            </Cell>
            <Cell>{o.action}</Cell>
            <Cell mono>{o.instanceId}</Cell>
            <Cell mono>{o.orderId ?? "—"}</Cell>
            <Cell>{o.sku ?? "—"}</Cell>
            <Cell>
              <Time value={o.expiresAt} locale={locale} />
            </Cell>
          </tr>
        ))}
      </Table>
    </section>
  );
}
