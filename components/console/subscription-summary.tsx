import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/ui/status-badge";
import { Time } from "@/components/ui/time";
import type { describeTenant } from "@/lib/actions";
import type { ResultOf } from "@/lib/gateway";
import { codeArgs } from "@/lib/i18n";

/** What the tenant bought, at a glance: plan, status, expiry, channel. */
export async function SubscriptionSummary({ tenant }: { tenant: ResultOf<typeof describeTenant> }) {
  const t = await getTranslations();
  const facts = [
    [
      t("console.overview.plan"),
      <span key="plan" data-testid="tenant-plan">
        {tenant.plan ? t("labels.plan", codeArgs(tenant.plan)) : t("common.none")}
      </span>,
    ],
    [t("console.overview.status"), <StatusBadge key="status" of="tenant" status={tenant.status} />],
    [t("console.overview.expires"), <Time key="expires" value={tenant.expiresAt} />],
    [
      t("console.overview.channel"),
      <span key="channel">
        {t("labels.channel", codeArgs(tenant.channel))}
        {tenant.trial ? ` · ${t("console.overview.trial")}` : ""}
      </span>,
    ],
  ] as const;
  return (
    <section
      aria-label={t("console.overview.subscription")}
      className="grid grid-cols-1 gap-px overflow-hidden rounded border border-gray-200 bg-gray-200 sm:grid-cols-2 lg:grid-cols-4"
    >
      {facts.map(([label, value]) => (
        <div key={label} className="bg-white px-4 py-3">
          <div className="text-xs text-gray-500">{label}</div>
          <div className="mt-1 font-medium">{value}</div>
        </div>
      ))}
    </section>
  );
}
