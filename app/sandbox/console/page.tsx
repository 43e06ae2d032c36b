import { getTranslations } from "next-intl/server";
import { ExchangeList } from "@/components/sandbox/exchange-list";
import { requireSandbox } from "@/components/sandbox/require-sandbox";
import { callAsConsole } from "@/components/sandbox/sandbox-actions";
import { sandboxClaims } from "@/components/sandbox/sandbox-claims";
import { SandboxShell } from "@/components/sandbox/sandbox-shell";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { registry } from "@/lib/actions";
import { channels } from "@/lib/config";
import { recentExchanges } from "@/lib/sandbox";

type Search = { channel?: string; parentUid?: string; uid?: string; action?: string; params?: string };

export default async function SandboxConsolePage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireSandbox();
  const [t, q, claims] = await Promise.all([getTranslations(), searchParams, sandboxClaims()]);
  const channel = channels.find((c) => c === q.channel) ?? "aliyun";
  const actions = [...registry.keys()].sort();
  // the last call this browser made (kept server-side: nothing here is read back from the URL)
  const latest = recentExchanges(`console:${claims.browser}`).slice(0, 1);
  return (
    <SandboxShell title={t("sandbox.consoleTitle")}>
      <p className="max-w-3xl text-gray-600">{t("sandbox.consoleIntro")}</p>
      <form action={callAsConsole} className="flex flex-wrap items-end gap-3 rounded border border-gray-200 bg-white p-4">
        <SelectField label={t("sandbox.channel")} name="channel" defaultValue={channel} options={channels} />
        <Field
          label={t("sandbox.parentUid")}
          name="parentUid"
          defaultValue={q.parentUid ?? "sandbox-buyer-1"}
          required
          maxLength={64}
          className="w-48"
        />
        <Field label={t("sandbox.uid")} name="uid" defaultValue={q.uid ?? ""} maxLength={64} className="w-48" />
        <SelectField label={t("sandbox.action")} name="action" defaultValue={q.action ?? "DescribeTenant"} options={actions} />
        <Field label={t("sandbox.params")} name="params" defaultValue={q.params ?? "{}"} className="w-72 font-mono text-xs" />
        <button type="submit" className="h-8 rounded bg-primary px-4 text-white hover:bg-primary-dark">
          {t("sandbox.call")}
        </button>
      </form>
      <ExchangeList exchanges={latest} />
    </SandboxShell>
  );
}
