import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { currentLocale } from "@/components/i18n/current-locale";
import { cloudMoves, RoleControls } from "@/components/sandbox/role-controls";
import { sandboxNav } from "@/components/sandbox/sandbox-nav";
import { AppShell } from "@/components/shell/app-shell";
import { Badge, statusTone } from "@/components/ui/badge";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { tenantState } from "@/lib/backoffice";
import type { MessageKey } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";
import {
  aliyunCloudEmulator,
  changeBuyerRole,
  launchLink,
  marketEmulator,
  recentExchanges,
  type SandboxOrder,
  sendOrder,
} from "@/lib/sandbox";

const skus = ["skyport-basic", "skyport-standard", "skyport-enterprise"];
const ops = ["buy", "renew", "upgrade", "expire", "release", "refund"] as const;
type Search = { aliUid?: string; instanceId?: string; sku?: string; trial?: string; days?: string };

export default async function SandboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { config } = runtime();
  if (config.SANDBOX !== "on") notFound();
  const { locale, t } = await currentLocale();
  const q = await searchParams;
  const form = {
    aliUid: q.aliUid ?? "sandbox-buyer-1",
    instanceId: q.instanceId ?? `${Date.now()}`,
    sku: skus.includes(q.sku ?? "") ? (q.sku as string) : "skyport-standard",
    trial: q.trial === "true",
    days: Number(q.days ?? 30) || 30,
  };
  const state = await tenantState("aliyun", form.aliUid);

  async function send(data: FormData) {
    "use server";
    if (runtime().config.SANDBOX !== "on") notFound();
    const op = ops.find((o) => o === data.get("op")) ?? "buy";
    const order: SandboxOrder = {
      op,
      aliUid: String(data.get("aliUid") ?? "").trim(),
      instanceId: String(data.get("instanceId") ?? "").trim(),
      skuId: String(data.get("sku") ?? "skyport-standard"),
      trial: data.get("trial") === "on",
      days: Number(data.get("days") ?? 30),
    };
    // the real HTTP call, to this same server (loopback)
    const host = ((await headers()).get("host") ?? `localhost:${runtime().config.PORT}`).replace(/^localhost(?=:|$)/, "127.0.0.1");
    const { config: cfg } = runtime();
    await sendOrder(`http://${host}`, cfg.ALIYUN_SPI_KEY, order, marketEmulator(cfg.ALIYUN_ACCESS_KEY_ID, cfg.ALIYUN_ACCESS_KEY_SECRET));
    const keep = new URLSearchParams({
      aliUid: order.aliUid,
      instanceId: order.instanceId,
      sku: order.skuId,
      trial: String(order.trial),
      days: String(order.days),
    });
    redirect(`/sandbox?${keep}`);
  }

  async function moveRole(data: FormData) {
    "use server";
    const cfg = runtime().config;
    if (cfg.SANDBOX !== "on") notFound();
    const aliUid = String(data.get("aliUid") ?? "");
    const move = cloudMoves.find((m) => m === data.get("move")) ?? "grant";
    const access = (await tenantState("aliyun", aliUid))?.cloudAccess.find((a) => a.provider === "aliyun");
    if (access?.roleArn)
      changeBuyerRole(aliyunCloudEmulator(cfg), move, { arn: access.roleArn, isvUid: cfg.ALIYUN_ISV_UID, externalId: access.externalId });
    redirect(`/sandbox?${new URLSearchParams({ aliUid, instanceId: String(data.get("instanceId") ?? "") })}`);
  }
  const role = state?.cloudAccess.find((a) => a.provider === "aliyun");

  return (
    <AppShell title={t("sandbox.title")} locale={locale} path="/sandbox" nav={sandboxNav(t)}>
      <p className="max-w-3xl text-gray-600">{t("sandbox.intro")}</p>
      <form action={send} className="flex flex-wrap items-end gap-3 rounded border border-gray-200 bg-white p-4">
        <Field label={t("sandbox.buyer")} name="aliUid" defaultValue={form.aliUid} required maxLength={64} className="w-48" />
        <Field label={t("sandbox.instance")} name="instanceId" defaultValue={form.instanceId} required maxLength={64} className="w-48" />
        <SelectField label={t("sandbox.sku")} name="sku" defaultValue={form.sku} options={skus} />
        <Field label={t("sandbox.days")} name="days" type="number" min={-30} max={3650} defaultValue={form.days} className="w-24" />
        <label className="flex h-8 items-center gap-1">
          <input type="checkbox" name="trial" defaultChecked={form.trial} /> {t("sandbox.trial")}
        </label>
        <div className="flex flex-wrap gap-2">
          {ops.map((op) => (
            <button
              key={op}
              type="submit"
              name="op"
              value={op}
              className="h-8 rounded border border-primary px-3 text-primary hover:bg-primary hover:text-white"
            >
              {t(`sandbox.${op}` as MessageKey)}
            </button>
          ))}
          <a
            href={launchLink(config.ALIYUN_SPI_KEY, form.instanceId)}
            className="inline-flex h-8 items-center rounded bg-primary px-3 text-white hover:bg-primary-dark"
          >
            {t("sandbox.launch")}
          </a>
        </div>
      </form>

      <section className="space-y-2">
        <h2 className="font-semibold">{t("sandbox.state")}</h2>
        {state ? (
          <div className="space-y-2" data-testid="sandbox-state">
            <Badge tone={statusTone[state.status] ?? "gray"}>{t(`status.${state.status}` as MessageKey)}</Badge>
            <Table
              head={[t("sandbox.instance"), t("tenant.plan"), t("sandbox.sku"), t("tenant.trial"), t("tenant.status"), t("tenant.expires")]}
            >
              {state.subscriptions.map((s) => (
                <tr key={s.instanceId ?? ""}>
                  <Cell mono>{s.instanceId}</Cell>
                  <Cell>{s.plan}</Cell>
                  <Cell>{s.sku}</Cell>
                  <Cell>{s.trial ? t("common.yes") : t("common.no")}</Cell>
                  <Cell>
                    <Badge tone={statusTone[s.status] ?? "gray"}>{s.status}</Badge>
                  </Cell>
                  <Cell>
                    <Time value={s.expiresAt} locale={locale} />
                  </Cell>
                </tr>
              ))}
            </Table>
          </div>
        ) : (
          <p className="text-gray-500">{t("sandbox.noTenant")}</p>
        )}
      </section>

      {role && (
        <RoleControls
          action={moveRole}
          title={t("sandbox.cloud")}
          roleArn={role.roleArn ?? ""}
          hidden={{ aliUid: form.aliUid, instanceId: form.instanceId }}
          status={<Badge tone={role.status === "verified" ? "green" : role.status === "failed" ? "red" : "gray"}>{role.status}</Badge>}
          t={t}
        />
      )}

      <section className="space-y-2">
        <h2 className="font-semibold">{t("sandbox.exchanges")}</h2>
        {recentExchanges(form.instanceId).map((x) => (
          <div
            key={x.at + x.request}
            className="rounded border border-gray-200 bg-white p-3 font-mono text-xs"
            data-testid="sandbox-exchange"
          >
            <div className="break-all text-gray-700">{x.request}</div>
            <div className="mt-1 break-all">
              <Badge tone={x.status === 200 ? "green" : "amber"}>{x.status}</Badge> {x.response}
            </div>
          </div>
        ))}
      </section>
    </AppShell>
  );
}
