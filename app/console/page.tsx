import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { CloudAccessPanel } from "@/components/console/cloud-access-panel";
import { currentBuyer } from "@/components/console/current-buyer";
import { OrderHistory } from "@/components/console/order-history";
import { currentLocale } from "@/components/i18n/current-locale";
import { AppShell } from "@/components/shell/app-shell";
import { Badge, statusTone } from "@/components/ui/badge";
import { Field } from "@/components/ui/field";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import {
  describeCloudAccess,
  describeCloudPolicies,
  describeTenant,
  listAuditEvents,
  listOrders,
  updateTenantProfile,
} from "@/lib/actions";
import type { MessageKey } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";
import { callAction } from "@/lib/runtime/call-action";

export default async function ConsolePage({ searchParams }: { searchParams: Promise<{ saved?: string; error?: string; link?: string }> }) {
  const { locale, t } = await currentLocale();
  const who = await currentBuyer();
  if (!who) {
    return (
      <main className="mx-auto mt-24 max-w-md space-y-4 rounded border border-gray-200 bg-white p-6">
        <h1 className="text-lg font-semibold">{t("home.console")}</h1>
        <p className="text-gray-600">{t("console.noSession")}</p>
        {runtime().config.SEED_DEMO === "on" && runtime().config.SKYPORT_ENV !== "production" && (
          <a className="text-primary underline" href="/console/demo">
            {t("console.demo")}
          </a>
        )}
      </main>
    );
  }

  const tenant = await callAction(who, describeTenant, {});
  if (!tenant.ok) {
    return (
      <main className="mx-auto mt-24 max-w-md rounded border border-red-200 bg-white p-6" role="alert">
        <h1 className="font-semibold text-red-700">{t("console.error")}</h1>
        <p className="mt-2 text-gray-700">{tenant.message}</p>
        <p className="mt-2 font-mono text-xs text-gray-500">
          {t("common.traceId")}: {tenant.traceId}
        </p>
      </main>
    );
  }
  const d = tenant.data;
  const cloudProvider = d.channel === "aliyun" || d.channel === "aws" ? d.channel : undefined;
  const [audit, orders, cloud, policies] = await Promise.all([
    callAction(who, listAuditEvents, { pageSize: 10 }),
    callAction(who, listOrders, { pageSize: 20 }),
    callAction(who, describeCloudAccess, {}),
    cloudProvider ? callAction(who, describeCloudPolicies, { provider: cloudProvider }) : undefined,
  ]);
  const { saved, error, link } = await searchParams;

  async function saveProfile(form: FormData) {
    "use server";
    const buyer = await currentBuyer();
    if (!buyer) redirect("/console");
    const r = await callAction(buyer, updateTenantProfile, {
      displayName: String(form.get("displayName") ?? ""),
      contactEmail: String(form.get("contactEmail") ?? ""),
    });
    revalidatePath("/console");
    redirect(r.ok ? "/console?saved=1" : `/console?error=${encodeURIComponent(`${r.message} (${r.traceId})`)}`);
  }

  return (
    <AppShell
      title={t("home.console")}
      locale={locale}
      path="/console"
      nav={[
        { href: "#overview", label: t("nav.overview") },
        { href: "#profile", label: t("nav.profile") },
        { href: "#orders", label: t("nav.orders") },
        ...(cloudProvider ? [{ href: "#cloud", label: t("nav.cloud") }] : []),
        { href: "#audit", label: t("nav.audit") },
      ]}
      context={
        <span className="flex items-center gap-2">
          <span className="font-medium" data-testid="tenant-name">
            {d.name}
          </span>
          <Badge tone="blue">{d.plan ?? t("common.none")}</Badge>
        </span>
      }
    >
      {d.status !== "active" && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-4 py-2 text-amber-900">
          {t(d.status === "closed" ? "console.closed" : "console.frozen")}
        </p>
      )}
      {saved && (
        <p role="status" className="rounded bg-green-50 px-4 py-2 text-green-800">
          {t("console.profileSaved")}
        </p>
      )}
      {error && (
        <p role="alert" className="rounded bg-red-50 px-4 py-2 text-red-800">
          {error}
        </p>
      )}

      <section id="overview" className="grid grid-cols-2 gap-px overflow-hidden rounded border border-gray-200 bg-gray-200 md:grid-cols-4">
        {[
          [
            t("tenant.plan"),
            <span key="p" data-testid="tenant-plan">
              {d.plan ?? t("common.none")}
            </span>,
          ],
          [
            t("tenant.status"),
            <Badge key="s" tone={statusTone[d.status] ?? "gray"}>
              {t(`status.${d.status}` as MessageKey)}
            </Badge>,
          ],
          [t("tenant.expires"), <Time key="e" value={d.expiresAt} locale={locale} />],
          [
            t("tenant.channel"),
            <span key="c">
              {d.channel}
              {d.trial ? ` · ${t("tenant.trial")}` : ""}
            </span>,
          ],
        ].map(([label, value]) => (
          <div key={String(label)} className="bg-white px-4 py-3">
            <div className="text-xs text-gray-500">{label}</div>
            <div className="mt-1 font-medium">{value}</div>
          </div>
        ))}
      </section>

      <section id="profile" className="space-y-2 rounded border border-gray-200 bg-white p-4">
        <h2 className="font-semibold">{t("nav.profile")}</h2>
        <form action={saveProfile} className="flex flex-wrap items-end gap-3">
          <Field label={t("tenant.name")} name="displayName" defaultValue={d.name} maxLength={128} required className="w-64" />
          <Field
            label={t("tenant.contact")}
            name="contactEmail"
            type="email"
            defaultValue={d.contactEmail ?? ""}
            maxLength={254}
            className="w-64"
          />
          <button type="submit" className="h-8 rounded bg-primary px-4 text-white hover:bg-primary-dark">
            {t("common.save")}
          </button>
        </form>
      </section>

      {cloudProvider && cloud.ok && (
        <CloudAccessPanel
          provider={cloudProvider}
          access={cloud.data.access.find((a) => a.provider === cloudProvider)}
          policies={policies?.ok ? policies.data : null}
          t={t}
          locale={locale}
          {...(link && { link })}
        />
      )}
      {orders.ok && <OrderHistory orders={orders.data.orders} t={t} locale={locale} />}
      <p>
        <a href="/console/export" className="text-primary underline" data-testid="export-link">
          {t("console.export")}
        </a>
      </p>

      {audit.ok && (
        <section id="audit" className="space-y-2">
          <h2 className="font-semibold">{t("nav.audit")}</h2>
          <Table head={[t("traces.at"), t("audit.actor"), t("audit.action")]} empty={t("audit.empty")}>
            {audit.data.events.map((e) => (
              <tr key={e.id}>
                <Cell>
                  <Time value={e.at} locale={locale} />
                </Cell>
                <Cell mono>{e.actorUid}</Cell>
                <Cell>{e.action}</Cell>
              </tr>
            ))}
          </Table>
        </section>
      )}
    </AppShell>
  );
}
