import { getTranslations } from "next-intl/server";
import { ExchangeList } from "@/components/sandbox/exchange-list";
import { RefusalNotice } from "@/components/sandbox/refusal-notice";
import { requireSandbox } from "@/components/sandbox/require-sandbox";
import { RoleControls } from "@/components/sandbox/role-controls";
import { actOnAws, moveAwsRole } from "@/components/sandbox/sandbox-actions";
import { sandboxClaims } from "@/components/sandbox/sandbox-claims";
import { isAwsAccountId } from "@/components/sandbox/sandbox-fields";
import { SandboxShell } from "@/components/sandbox/sandbox-shell";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { StatusBadge } from "@/components/ui/status-badge";
import { tenantState } from "@/lib/backoffice";
import { plans } from "@/lib/billing";
import { runtime } from "@/lib/runtime";
import { recentExchanges } from "@/lib/sandbox";

const dimensions = Object.values(plans).map((p) => p.skus.aws);
const events = ["entitlement-updated", "unsubscribe-pending", "unsubscribe-success", "subscribe-success", "subscribe-fail"] as const;
type Search = { account?: string; dimension?: string; token?: string; refused?: string };

export default async function AwsSandboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireSandbox();
  const [t, q, claims] = await Promise.all([getTranslations(), searchParams, sandboxClaims()]);
  const account = isAwsAccountId(q.account) ? q.account : "111122223333";
  const dimension = dimensions.includes(q.dimension ?? "") ? (q.dimension as string) : plans.standard.skus.aws;
  const owned = claims.accounts.includes(`aws:${account}`);
  const state = await tenantState("aws", account);
  const access = owned ? state?.cloudAccess.find((a) => a.provider === "aws") : undefined;
  const secondary = "h-8 rounded border border-gray-300 px-3 text-gray-700 hover:border-primary hover:text-primary";

  return (
    <SandboxShell title={t("sandbox.awsTitle")}>
      <p className="max-w-3xl text-gray-600">{t("sandbox.awsIntro")}</p>
      <RefusalNotice market="aws" code={q.refused} />
      <form action={actOnAws} className="flex flex-wrap items-end gap-3 rounded border border-gray-200 bg-white p-4">
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
          <button key={e} type="submit" name="op" value={e} className={secondary}>
            {t("sandbox.send", { event: e })}
          </button>
        ))}
      </form>

      {owned && q.token && (
        // exactly what AWS Marketplace does: the buyer's browser posts the token to the fulfillment URL
        <form
          method="post"
          action="/api/marketplace/aws/register"
          className="flex flex-wrap items-end gap-3 rounded border border-gray-200 bg-white p-4"
        >
          <Field
            label={t("sandbox.token")}
            name="x-amzn-marketplace-token"
            defaultValue={q.token}
            readOnly
            className="w-full font-mono text-xs sm:w-[28rem]"
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
            <StatusBadge of="tenant" status={state.status} />
            {state.subscriptions.map((s) => (
              <div key={s.instanceId ?? ""} className="flex flex-wrap items-center gap-2">
                <code className="font-mono text-xs">{s.instanceId}</code> {s.plan} <StatusBadge of="subscription" status={s.status} />
              </div>
            ))}
          </div>
        ) : (
          <p className="text-gray-500">{t("sandbox.awsNoTenant")}</p>
        )}
      </section>
      {access && (
        <RoleControls
          action={moveAwsRole}
          title={t("sandbox.awsCloud")}
          roleArn={`arn:aws:iam::${account}:role/${runtime().config.AWS_ROLE_NAME}`}
          hidden={{ account }}
          status={access.status}
        />
      )}
      <ExchangeList exchanges={owned ? recentExchanges(`aws:${account}`).slice(0, 5) : []} />
    </SandboxShell>
  );
}
