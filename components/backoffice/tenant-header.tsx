import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { Time } from "@/components/ui/time";
import type { TenantSummary } from "@/lib/backoffice";
import { codeArgs } from "@/lib/i18n";

/** Who the tenant is and its state; its name is the buyer's text, shown as text. */
export async function TenantHeader({ tenant }: { tenant: TenantSummary }) {
  const t = await getTranslations();
  const sub = tenant.subscription;
  const facts: [string, React.ReactNode][] = [
    [t("backoffice.channel"), t("labels.channel", codeArgs(tenant.channel))],
    [
      t("backoffice.account"),
      <span key="a" className="font-mono text-xs" translate="no">
        {tenant.externalId}
      </span>,
    ],
    [
      t("ops.tenant.tenantId"),
      <span key="i" className="font-mono text-xs" translate="no">
        {tenant.id}
      </span>,
    ],
    [
      t("backoffice.plan"),
      sub ? `${t("labels.plan", codeArgs(sub.plan))}${sub.trial ? ` (${t("admin.tenants.trial")})` : ""}` : t("common.none"),
    ],
    [t("backoffice.expires"), <Time key="e" value={sub?.expiresAt ?? null} />],
    [
      t("ops.tenant.contact"),
      <span key="c" translate="no">
        {tenant.contactEmail ?? "—"}
      </span>,
    ],
    [t("backoffice.created"), <Time key="cr" value={tenant.createdAt} />],
  ];
  return (
    <section className="space-y-3 rounded border border-gray-200 bg-white p-4" data-testid="tenant-header">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="min-w-0 break-all text-lg font-semibold" translate="no" data-testid="tenant-name">
          {tenant.displayName}
        </h1>
        <StatusBadge of="tenant" status={tenant.status} />
        {tenant.suspendedAt && <Badge tone="red">{t("admin.tenant.suspended")}</Badge>}
      </div>
      {tenant.suspendedAt && (
        <p className="text-red-800" data-testid="suspension">
          {t("admin.tenant.suspendedSince")} <Time value={tenant.suspendedAt} />: <span translate="no">{tenant.suspensionReason}</span>
        </p>
      )}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label} className="min-w-0">
            <dt className="text-xs text-gray-500">{label}</dt>
            <dd className="min-w-0 break-all">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
