import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { consolePage } from "@/components/console/console-context";
import { FailureMessage } from "@/components/console/failure-message";
import { OrderHistory } from "@/components/console/order-history";
import { SubscriptionSummary } from "@/components/console/subscription-summary";
import { Panel } from "@/components/ui/panel";
import { StatusBadge } from "@/components/ui/status-badge";
import { describeCloudAccess, listOrders } from "@/lib/actions";
import { callAction } from "@/lib/runtime/call-action";

export default async function OverviewPage() {
  const page = await consolePage();
  if (!page) return null;
  const { who, tenant } = page;
  const provider = tenant.channel === "aliyun" || tenant.channel === "aws" ? tenant.channel : undefined;
  // a direct tenant buys through Stripe: no marketplace orders, its billing instead
  const direct = tenant.channel === "direct";
  const [t, orders, cloud] = await Promise.all([
    getTranslations(),
    !direct && callAction(who, listOrders, { pageSize: 5 }),
    provider && callAction(who, describeCloudAccess, {}),
  ]);
  const access = cloud?.ok ? cloud.data.access.find((a) => a.provider === provider && a.roleArn) : undefined;
  const link = "text-primary hover:underline";
  return (
    <>
      <h1 className="text-lg font-semibold">{t("console.nav.overview")}</h1>
      <SubscriptionSummary tenant={tenant} />
      {provider && (
        <Panel title={t("console.overview.nextSteps")}>
          <p className="flex flex-wrap items-center gap-2">
            {access && <StatusBadge of="cloud" status={access.status} />}
            <span>{t("console.overview.cloudState", { value: access?.status ?? "none", code: "" })}</span>
            <Link href="/console/cloud" className={link}>
              {t("console.overview.openCloud")}
            </Link>
          </p>
        </Panel>
      )}
      {orders ? (
        <Panel
          title={t("console.overview.recentOrders")}
          aside={
            <Link href="/console/orders" className={link}>
              {t("console.overview.openOrders")}
            </Link>
          }
        >
          {orders.ok ? <OrderHistory orders={orders.data.orders} /> : <FailureMessage failure={orders} />}
        </Panel>
      ) : (
        <Panel title={t("directBilling.title")}>
          <p className="flex flex-wrap items-center gap-2">
            <span>{t("console.overview.directBilling")}</span>
            <Link href="/console/billing" className={link}>
              {t("directBilling.toBilling")}
            </Link>
          </p>
        </Panel>
      )}
    </>
  );
}
