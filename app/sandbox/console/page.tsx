import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { currentLocale } from "@/components/i18n/current-locale";
import { sandboxNav } from "@/components/sandbox/sandbox-nav";
import { AppShell } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { registry } from "@/lib/actions";
import { channels } from "@/lib/config";
import { runtime } from "@/lib/runtime";
import { callThroughConsole } from "@/lib/sandbox";

type Search = {
  channel?: string;
  parentUid?: string;
  uid?: string;
  action?: string;
  params?: string;
  status?: string;
  request?: string;
  response?: string;
};

export default async function SandboxConsolePage({ searchParams }: { searchParams: Promise<Search> }) {
  const { config } = runtime();
  if (config.SANDBOX !== "on") notFound();
  const { locale, t } = await currentLocale();
  const q = await searchParams;
  const channel = channels.find((c) => c === q.channel) ?? "aliyun";
  const actions = [...registry.keys()].sort();

  async function call(data: FormData) {
    "use server";
    const cfg = runtime().config;
    if (cfg.SANDBOX !== "on") notFound();
    const ch = channels.find((c) => c === data.get("channel")) ?? "aliyun";
    const form = {
      channel: ch,
      parentUid: String(data.get("parentUid") ?? "").trim(),
      uid: String(data.get("uid") ?? "").trim(),
      action: String(data.get("action") ?? "DescribeTenant"),
      params: String(data.get("params") ?? "{}"),
    };
    const key = cfg.CONSOLE_KEYS.find((k) => k.channel === ch);
    let outcome: { request: string; status: number; response: string };
    try {
      if (!key) throw new Error(`CONSOLE_KEYS has no ${ch} key`);
      const host = ((await headers()).get("host") ?? `localhost:${cfg.PORT}`).replace(/^localhost(?=:|$)/, "127.0.0.1");
      outcome = await callThroughConsole(`http://${host}`, key, {
        ...form,
        uid: form.uid || form.parentUid,
        params: JSON.parse(form.params),
      });
    } catch (err) {
      outcome = {
        request: "(not sent)",
        status: 0,
        response: err instanceof SyntaxError ? "params is not JSON" : String((err as Error).message),
      };
    }
    redirect(
      `/sandbox/console?${new URLSearchParams({ ...form, status: String(outcome.status), request: outcome.request, response: outcome.response })}`,
    );
  }

  return (
    <AppShell title={`${t("sandbox.title")}: ${t("home.console")}`} locale={locale} path="/sandbox/console" nav={sandboxNav(t)}>
      <p className="max-w-3xl text-gray-600">{t("sandbox.consoleIntro")}</p>
      <form action={call} className="flex flex-wrap items-end gap-3 rounded border border-gray-200 bg-white p-4">
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
      {q.request && (
        <div className="rounded border border-gray-200 bg-white p-3 font-mono text-xs" data-testid="sandbox-exchange">
          <div className="break-all text-gray-700">{q.request}</div>
          <div className="mt-1 break-all">
            <Badge tone={q.status === "200" ? "green" : "amber"}>{q.status}</Badge> {q.response}
          </div>
        </div>
      )}
    </AppShell>
  );
}
