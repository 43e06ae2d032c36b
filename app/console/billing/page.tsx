import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { consolePage } from "@/components/console/console-context";
import { FailureMessage } from "@/components/console/failure-message";
import { MarketplaceUpgrade } from "@/components/console/marketplace-upgrade";
import { StripeInvoices } from "@/components/console/stripe-invoices";
import { StripeSubscription } from "@/components/console/stripe-subscription";
import { SubscriptionSummary } from "@/components/console/subscription-summary";
import { UsagePanel } from "@/components/console/usage-panel";
import { describeDirectBilling, describeUsage } from "@/lib/actions";
import { codeArgs } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";
import { callAction } from "@/lib/runtime/call-action";

/**
 * The tenant's plan, its renewal or expiry, and how to change it: Stripe
 * (Checkout, the portal, invoices) for direct tenants, the listing for
 * marketplace ones; this month's usage against the plan's limits (the
 * hourly metering is on the Usage page).
 */
export default async function BillingPage({ searchParams }: { searchParams: Promise<{ checkout?: string }> }) {
  const page = await consolePage();
  if (!page) return null;
  const [t, search] = await Promise.all([getTranslations(), searchParams]);
  const { services, endpoints } = runtime();
  const channel = page.tenant.channel;
  const direct = channel === "direct";
  const [billing, usage] = await Promise.all([
    direct && services.stripe ? callAction(page.who, describeDirectBilling, {}) : null,
    callAction(page.who, describeUsage, {}),
  ]);
  return (
    <>
      <h1 className="text-lg font-semibold">{t("directBilling.title")}</h1>
      {search.checkout === "done" && (
        <p role="status" className="rounded border border-green-200 bg-green-50 px-3 py-2 text-green-800">
          {t("directBilling.checkoutDone")}
        </p>
      )}
      <SubscriptionSummary tenant={page.tenant} />
      {!direct && (
        <MarketplaceUpgrade
          channel={channel}
          listing={channel === "aliyun" || channel === "aws" ? endpoints.listings[channel] : undefined}
        />
      )}
      {direct && !billing && <p className="text-gray-600">{t("directBilling.notConfigured")}</p>}
      {billing &&
        (billing.ok ? (
          <>
            <StripeSubscription billing={billing.data} plan={page.tenant.plan && t("labels.plan", codeArgs(page.tenant.plan))} />
            <StripeInvoices invoices={billing.data.invoices} />
          </>
        ) : (
          <FailureMessage failure={billing} />
        ))}
      {usage.ok ? (
        <UsagePanel
          usage={usage.data}
          aside={
            <Link href="/console/usage" className="text-primary hover:underline">
              {t("usage.hourly")}
            </Link>
          }
        />
      ) : (
        <FailureMessage failure={usage} />
      )}
    </>
  );
}
