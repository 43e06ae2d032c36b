import { getTranslations } from "next-intl/server";
import { consolePage } from "@/components/console/console-context";
import { FailureMessage } from "@/components/console/failure-message";
import { OrderHistory } from "@/components/console/order-history";
import { listOrders } from "@/lib/actions";
import { callAction } from "@/lib/runtime/call-action";

export default async function OrdersPage() {
  const page = await consolePage();
  if (!page) return null;
  const [t, orders] = await Promise.all([getTranslations(), callAction(page.who, listOrders, { pageSize: 100 })]);
  return (
    <>
      <h1 className="text-lg font-semibold">{t("console.nav.orders")}</h1>
      {orders.ok ? <OrderHistory orders={orders.data.orders} /> : <FailureMessage failure={orders} />}
    </>
  );
}
