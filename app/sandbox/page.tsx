import { getTranslations } from "next-intl/server";
import { ExchangeList } from "@/components/sandbox/exchange-list";
import { RefusalNotice } from "@/components/sandbox/refusal-notice";
import { requireSandbox } from "@/components/sandbox/require-sandbox";
import { RoleControls } from "@/components/sandbox/role-controls";
import { moveAliyunRole, sendAliyunOrder } from "@/components/sandbox/sandbox-actions";
import { sandboxClaims } from "@/components/sandbox/sandbox-claims";
import { isSandboxId, readSandboxDays } from "@/components/sandbox/sandbox-fields";
import { SandboxShell } from "@/components/sandbox/sandbox-shell";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { StatusBadge } from "@/components/ui/status-badge";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { instanceHolder, tenantState } from "@/lib/backoffice";
import { plans } from "@/lib/billing";
import { queryValues } from "@/lib/http";
import { codeArgs } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";
import { launchLink, recentExchanges } from "@/lib/sandbox";

const skus = Object.values(plans).map((p) => p.skus.aliyun);
const ops = ["buy", "renew", "upgrade", "expire", "release", "refund"] as const;
type Search = Record<string, string | string[] | undefined>;

export default async function SandboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireSandbox();
  const [t, search, claims] = await Promise.all([getTranslations(), searchParams, sandboxClaims()]);
  // one value per key (the first of a repeated one); an id that is none is not looked up
  const q: Partial<Record<string, string>> = queryValues(search);
  const form = {
    aliUid: isSandboxId(q.aliUid) ? q.aliUid : "sandbox-buyer-1",
    instanceId: isSandboxId(q.instanceId) ? q.instanceId : `${Date.now()}`,
    sku: skus.includes(q.sku ?? "") ? (q.sku as string) : plans.standard.skus.aliyun,
    trial: q.trial === "true",
    days: readSandboxDays(q.days ?? "30") ?? 30,
  };
  // an instance's calls and free-login link belong to the browser that bought it
  const owned = claims.instances.includes(form.instanceId);
  const [state, holder] = await Promise.all([tenantState("aliyun", form.aliUid), owned ? undefined : instanceHolder(form.instanceId)]);
  const role = claims.accounts.includes(`aliyun:${form.aliUid}`) ? state?.cloudAccess.find((a) => a.provider === "aliyun") : undefined;

  return (
    <SandboxShell title={t("sandbox.title")}>
      <p className="max-w-3xl text-gray-600">{t("sandbox.intro")}</p>
      <RefusalNotice market="aliyun" code={q.refused} />
      <form action={sendAliyunOrder} className="flex flex-wrap items-end gap-3 rounded border border-gray-200 bg-white p-4">
        <Field label={t("sandbox.buyer")} name="aliUid" defaultValue={form.aliUid} required maxLength={40} className="w-48" />
        <Field label={t("sandbox.instance")} name="instanceId" defaultValue={form.instanceId} required maxLength={40} className="w-48" />
        <SelectField label={t("sandbox.sku")} name="sku" defaultValue={form.sku} options={skus} />
        <Field label={t("sandbox.days")} name="days" type="number" min={-365} max={3650} defaultValue={form.days} className="w-24" />
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
              {t("sandbox.op", codeArgs(op))}
            </button>
          ))}
          {owned && (
            <a
              href={launchLink(runtime().config.ALIYUN_SPI_KEY, form.instanceId)}
              className="inline-flex h-8 items-center rounded bg-primary px-3 text-white hover:bg-primary-dark"
            >
              {t("sandbox.launch")}
            </a>
          )}
        </div>
      </form>

      <section className="space-y-2">
        <h2 className="font-semibold">{t("sandbox.state")}</h2>
        {state ? (
          <div className="space-y-2" data-testid="sandbox-state">
            <StatusBadge of="tenant" status={state.status} />
            <Table
              head={[
                t("sandbox.instance"),
                t("sandbox.plan"),
                t("sandbox.sku"),
                t("sandbox.trial"),
                t("sandbox.status"),
                t("sandbox.expires"),
              ]}
            >
              {state.subscriptions.map((s) => (
                <tr key={s.instanceId ?? ""}>
                  <Cell mono>{s.instanceId}</Cell>
                  <Cell>{s.plan}</Cell>
                  <Cell mono>{s.sku}</Cell>
                  <Cell>{s.trial ? t("common.yes") : t("common.no")}</Cell>
                  <Cell>
                    <StatusBadge of="subscription" status={s.status} />
                  </Cell>
                  <Cell>
                    <Time value={s.expiresAt} />
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
          action={moveAliyunRole}
          title={t("sandbox.cloud")}
          roleArn={role.roleArn ?? ""}
          hidden={{ aliUid: form.aliUid, instanceId: form.instanceId }}
          status={role.status}
        />
      )}

      <section className="space-y-2">
        <h2 className="font-semibold">{t("sandbox.exchanges")}</h2>
        {holder && <p className="text-gray-500">{t("sandbox.notYours")}</p>}
        <ExchangeList exchanges={owned ? recentExchanges(`aliyun:${form.instanceId}`) : []} />
      </section>
    </SandboxShell>
  );
}
