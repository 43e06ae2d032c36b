import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { currentLocale } from "@/components/i18n/current-locale";
import { cloudMoves, RoleControls } from "@/components/sandbox/role-controls";
import { sandboxNav } from "@/components/sandbox/sandbox-nav";
import { AppShell } from "@/components/shell/app-shell";
import { Badge, statusTone } from "@/components/ui/badge";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { tenantState } from "@/lib/backoffice";
import type { MessageKey } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";
import { awsCloudEmulator, awsEmulator, changeBuyerIamRole, publish, subscribe } from "@/lib/sandbox";

const dimensions = ["skyport-basic", "skyport-standard", "skyport-enterprise"];
const events = ["entitlement-updated", "unsubscribe-pending", "unsubscribe-success", "subscribe-success", "subscribe-fail"] as const;
type Search = { account?: string; dimension?: string; token?: string; sent?: string };

export default async function AwsSandboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { config } = runtime();
  if (config.SANDBOX !== "on") notFound();
  const { locale, t } = await currentLocale();
  const q = await searchParams;
  const account = /^\d{12}$/.test(q.account ?? "") ? (q.account as string) : "111122223333";
  const dimension = dimensions.includes(q.dimension ?? "") ? (q.dimension as string) : "skyport-standard";
  const state = await tenantState("aws", account);

  async function act(data: FormData) {
    "use server";
    const cfg = runtime().config;
    if (cfg.SANDBOX !== "on") notFound();
    const acct = String(data.get("account") ?? "");
    const dim = String(data.get("dimension") ?? "skyport-standard");
    const op = String(data.get("op") ?? "");
    const keep = new URLSearchParams({ account: acct, dimension: dim });
    if (op === "subscribe") {
      const emulator = awsEmulator(cfg.AWS_MARKETPLACE_ACCESS_KEY_ID, cfg.AWS_MARKETPLACE_SECRET_ACCESS_KEY, cfg.AWS_REGION);
      keep.set("token", subscribe(emulator, { accountId: acct, dimension: dim, productCode: cfg.AWS_PRODUCT_CODE, days: 365 }));
    } else if ((events as readonly string[]).includes(op)) {
      const host = ((await headers()).get("host") ?? `localhost:${cfg.PORT}`).replace(/^localhost(?=:|$)/, "127.0.0.1");
      const topic =
        cfg.AWS_SNS_TOPIC_ARNS.find((a) => a.includes(op === "entitlement-updated" ? "entitlement" : "subscription")) ??
        cfg.AWS_SNS_TOPIC_ARNS[0] ??
        "";
      const certificates = runtime().endpoints.snsCertificates ?? "";
      const sent = await publish(`http://${host}`, certificates, topic, cfg.AWS_PRODUCT_CODE, op, acct);
      keep.set("sent", `${sent.status} ${sent.request} → ${sent.response}`);
    }
    redirect(`/sandbox/aws?${keep}`);
  }

  async function moveRole(data: FormData) {
    "use server";
    const cfg = runtime().config;
    if (cfg.SANDBOX !== "on") notFound();
    const acct = String(data.get("account") ?? "");
    const move = cloudMoves.find((m) => m === data.get("move")) ?? "grant";
    const access = (await tenantState("aws", acct))?.cloudAccess.find((a) => a.provider === "aws");
    if (access)
      changeBuyerIamRole(awsCloudEmulator(cfg), move, {
        arn: `arn:aws:iam::${acct}:role/${cfg.AWS_ROLE_NAME}`,
        isvAccount: cfg.AWS_ISV_ACCOUNT_ID,
        externalId: access.externalId,
      });
    redirect(`/sandbox/aws?${new URLSearchParams({ account: acct })}`);
  }
  const access = state?.cloudAccess.find((a) => a.provider === "aws");

  return (
    <AppShell title={`${t("sandbox.title")}: AWS`} locale={locale} path="/sandbox/aws" nav={sandboxNav(t)}>
      <p className="max-w-3xl text-gray-600">{t("sandbox.awsIntro")}</p>
      <form action={act} className="flex flex-wrap items-end gap-3 rounded border border-gray-200 bg-white p-4">
        <Field label={t("sandbox.account")} name="account" defaultValue={account} pattern="\d{12}" required className="w-40" />
        <SelectField label={t("sandbox.dimension")} name="dimension" defaultValue={dimension} options={dimensions} />
        <button
          type="submit"
          name="op"
          value="subscribe"
          className="h-8 rounded border border-primary px-3 text-primary hover:bg-primary hover:text-white"
        >
          {t("sandbox.subscribe")}
        </button>
        {events.map((e) => (
          <button
            key={e}
            type="submit"
            name="op"
            value={e}
            className="h-8 rounded border border-gray-300 px-3 text-gray-700 hover:border-primary hover:text-primary"
          >
            {e}
          </button>
        ))}
      </form>

      {q.token && (
        // exactly what AWS Marketplace does: the buyer's browser posts the token to the fulfillment URL
        <form
          method="post"
          action="/api/marketplace/aws/register"
          className="flex items-end gap-3 rounded border border-gray-200 bg-white p-4"
        >
          <Field
            label={t("sandbox.token")}
            name="x-amzn-marketplace-token"
            defaultValue={q.token}
            readOnly
            className="w-[28rem] font-mono text-xs"
          />
          <button type="submit" className="h-8 rounded bg-primary px-3 text-white hover:bg-primary-dark">
            {t("sandbox.register")}
          </button>
        </form>
      )}

      <section className="space-y-2">
        <h2 className="font-semibold">{t("sandbox.state")}</h2>
        {state ? (
          <div data-testid="sandbox-state" className="space-y-1">
            <Badge tone={statusTone[state.status] ?? "gray"}>{t(`status.${state.status}` as MessageKey)}</Badge>
            {state.subscriptions.map((s) => (
              <div key={s.instanceId ?? ""} className="font-mono text-xs">
                {s.instanceId} · {s.plan} · {s.status}
              </div>
            ))}
          </div>
        ) : (
          <p className="text-gray-500">{t("sandbox.noTenant")}</p>
        )}
      </section>
      {access && (
        <RoleControls
          action={moveRole}
          title={t("sandbox.awsCloud")}
          roleArn={`arn:aws:iam::${account}:role/${config.AWS_ROLE_NAME}`}
          hidden={{ account }}
          t={t}
        />
      )}
      {q.sent && (
        <p data-testid="sandbox-exchange" className="rounded border border-gray-200 bg-white p-3 font-mono text-xs break-all">
          {q.sent}
        </p>
      )}
    </AppShell>
  );
}
