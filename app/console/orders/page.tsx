import { getTranslations } from "next-intl/server";
import { consolePage } from "@/components/console/console-context";
import { FailureMessage } from "@/components/console/failure-message";
import { OrderHistory } from "@/components/console/order-history";
import { Pager } from "@/components/ui/pager";
import { listOrders } from "@/lib/actions";
import { queryValues } from "@/lib/http";
import { callAction } from "@/lib/runtime/call-action";

const pageSize = 50;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await consolePage();
  if (!page) return null;
  // the cursor only ever goes back to the action, which refuses a malformed one
  const { after } = queryValues(await searchParams);
  const [t, orders] = await Promise.all([
    getTranslations(),
    callAction(page.who, listOrders, { pageSize, ...(after && { nextToken: after }) }),
  ]);
  return (
    <>
      <h1 className="text-lg font-semibold">{t("console.nav.orders")}</h1>
      {orders.ok ? <OrderHistory orders={orders.data.orders} /> : <FailureMessage failure={orders} />}
      <Pager
        first={after ? { href: "/console/orders", label: t("common.newest") } : undefined}
        next={
          orders.ok && orders.data.nextToken
            ? { href: `/console/orders?${new URLSearchParams({ after: orders.data.nextToken })}`, label: t("common.older") }
            : undefined
        }
      />
    </>
  );
}
