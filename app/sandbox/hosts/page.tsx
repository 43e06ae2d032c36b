import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { copyLabels } from "@/components/console/outcome-of";
import { requireSandbox } from "@/components/sandbox/require-sandbox";
import { sandboxClaims } from "@/components/sandbox/sandbox-claims";
import { startSandboxHosts, stopHosts } from "@/components/sandbox/sandbox-host-actions";
import { SandboxShell } from "@/components/sandbox/sandbox-shell";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { SubmitButton } from "@/components/ui/submit-button";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { sandboxHostLimits, sandboxHosts } from "@/lib/sandbox";

/** The buyer's hosts, played on this server: the real agent, or a simulated fleet, from a console download link. */
export default async function SandboxHostsPage() {
  await requireSandbox();
  const [t, labels, claims] = await Promise.all([getTranslations(), copyLabels(), sandboxClaims()]);
  const mine = sandboxHosts(claims.browser);
  const button = "h-8 rounded px-3";
  return (
    <SandboxShell title={t("sandboxHosts.title")}>
      <p className="max-w-3xl text-gray-600">
        {t.rich("sandboxHosts.intro", {
          add: (chunks) => (
            <Link href="/console/hosts/add" className="text-primary hover:underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <Panel title={t("sandboxHosts.start")}>
        <ActionForm action={startSandboxHosts} labels={labels} className="flex flex-wrap items-end gap-3">
          <Field label={t("sandboxHosts.link")} name="link" required maxLength={2200} className="w-[28rem] font-mono text-xs" />
          <Field
            label={t("sandboxHosts.count")}
            name="count"
            type="number"
            min={1}
            max={sandboxHostLimits.hostsPerFleet}
            defaultValue={10}
            className="w-24"
          />
          <SubmitButton
            name="run"
            value="agent"
            className={`${button} bg-primary text-white hover:bg-primary-dark`}
            pending={t("sandboxHosts.starting")}
          >
            {t("sandboxHosts.runAgent")}
          </SubmitButton>
          <SubmitButton
            name="run"
            value="simulate"
            className={`${button} border border-primary text-primary hover:bg-primary hover:text-white`}
            pending={t("sandboxHosts.starting")}
          >
            {t("sandboxHosts.simulate")}
          </SubmitButton>
        </ActionForm>
        <p className="text-xs text-gray-500">{t("sandboxHosts.note")}</p>
      </Panel>
      <Panel title={t("sandboxHosts.running")} testId="sandbox-hosts">
        <Table
          head={[t("sandboxHosts.kind"), { label: t("sandboxHosts.hosts"), numeric: true }, t("sandboxHosts.startedAt")]}
          empty={t("sandboxHosts.none")}
        >
          {mine.agent && (
            <tr>
              <Cell>{t("sandboxHosts.realAgent")}</Cell>
              <Cell numeric>1</Cell>
              <Cell>
                <Time value={mine.agent.startedAt} />
              </Cell>
            </tr>
          )}
          {mine.fleets.map((f) => (
            <tr key={f.id}>
              <Cell>{t("sandboxHosts.fleet", { id: f.id })}</Cell>
              <Cell numeric>{f.hosts}</Cell>
              <Cell>
                <Time value={f.startedAt} />
              </Cell>
            </tr>
          ))}
        </Table>
        {(mine.agent || mine.fleets.length > 0) && (
          <div className="flex flex-wrap items-center gap-3">
            <ActionForm action={stopHosts} labels={labels}>
              <SubmitButton className={`${button} border border-red-300 text-red-700 hover:bg-red-50`} pending={t("sandboxHosts.stopping")}>
                {t("sandboxHosts.stop")}
              </SubmitButton>
            </ActionForm>
            <Link href="/console/hosts" className="text-primary hover:underline">
              {t("sandboxHosts.seeHosts")}
            </Link>
          </div>
        )}
      </Panel>
    </SandboxShell>
  );
}
