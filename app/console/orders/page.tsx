import { getTranslations } from "next-intl/server";
import { consolePage } from "@/components/console/console-context";
import { FailureMessage } from "@/components/console/failure-message";
import { OrderHistory } from "@/components/console/order-history";
import { Pager } from "@/components/ui/pager";
import { listOrders } from "@/lib/actions";
import { callAction } from "@/lib/runtime/call-action";

const pageSize = 50;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ after?: string | string[] }> }) {
  const page = await consolePage();
  if (!page) return null;
  // the cursor only ever goes back to the action, which refuses one it did not make
  const { after } = await searchParams;
  const nextToken = typeof after === "string" && after ? after : undefined;
  const [t, orders] = await Promise.all([
    getTranslations(),
    callAction(page.who, listOrders, { pageSize, ...(nextToken && { nextToken }) }),
  ]);
  return (
    <>
      <h1 className="text-lg font-semibold">{t("console.nav.orders")}</h1>
      {orders.ok ? (
        <div className="space-y-3">
          <OrderHistory orders={orders.data.orders} />
          <Pager
            first={nextToken ? { href: "/console/orders", label: t("common.newest") } : undefined}
            next={
              orders.data.nextToken
                ? { href: `/console/orders?${new URLSearchParams({ after: orders.data.nextToken })}`, label: t("common.older") }
                : undefined
            }
          />
        </div>
      ) : (
        <FailureMessage failure={orders} />
      )}
    </>
  );
}
