import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/console/auto-refresh";
import { consolePage } from "@/components/console/console-context";
import { FailureMessage } from "@/components/console/failure-message";
import { revokeHost, runTask } from "@/components/console/host-actions";
import { HostSizing } from "@/components/console/host-sizing";
import { gib } from "@/components/console/host-units";
import { AgentStatusBadge } from "@/components/console/hosts-table";
import { copyLabels } from "@/components/console/outcome-of";
import { TaskHistory } from "@/components/console/task-history";
import { ActionForm } from "@/components/ui/action-form";
import { Panel } from "@/components/ui/panel";
import { SubmitButton } from "@/components/ui/submit-button";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { describeAgent } from "@/lib/actions";
import { callAction } from "@/lib/runtime/call-action";

type Inventory = {
  os?: { name?: string; version?: string; kernel?: string };
  cpu?: { model?: string; cores?: number };
  memoryBytes?: number;
  disks?: { mount: string; sizeBytes: number; usedBytes: number }[];
  interfaces?: { name: string; addresses: string[] }[];
  uptimeSeconds?: number;
};

/** One host: what it is (inventory), what it did (tasks and their checks), and what to do next. */
export default async function HostPage({ params }: { params: Promise<{ agentId: string }> }) {
  const page = await consolePage();
  if (!page) return null;
  const { agentId } = await params;
  const [t, format, labels, agent] = await Promise.all([
    getTranslations(),
    getFormatter(),
    copyLabels(),
    callAction(page.who, describeAgent, { agentId: /^[0-9a-f-]{36}$/.test(agentId) ? agentId : "00000000-0000-0000-0000-000000000000" }),
  ]);
  if (!agent.ok)
    return (
      <>
        <h1 className="text-lg font-semibold">{t("console.nav.hosts")}</h1>
        <FailureMessage failure={agent} />
        <Link href="/console/hosts" className="text-primary hover:underline">
          {t("hosts.backToList")}
        </Link>
      </>
    );
  const a = agent.data;
  const inv = (a.inventory ?? {}) as Inventory;
  const size = (bytes: number | undefined) => (bytes === undefined ? "—" : t("hosts.gib", { value: format.number(gib(bytes) ?? 0) }));
  const button = "h-8 rounded border border-primary px-3 text-primary hover:bg-blue-50";
  return (
    <>
      <nav className="text-gray-500">
        <Link href="/console/hosts" className="text-primary hover:underline">
          {t("console.nav.hosts")}
        </Link>{" "}
        / <span translate="no">{a.hostname}</span>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-lg font-semibold" translate="no">
            {a.hostname}
          </h1>
          <AgentStatusBadge status={a.status} />
        </div>
        {a.status !== "revoked" && (
          <div className="flex flex-wrap items-start gap-2">
            <ActionForm action={revokeHost} labels={labels}>
              <input type="hidden" name="agentId" value={a.agentId} />
              <SubmitButton className="h-8 rounded border border-red-300 px-3 text-red-700 hover:bg-red-50" pending={t("hosts.revoking")}>
                {t("hosts.revoke")}
              </SubmitButton>
            </ActionForm>
          </div>
        )}
      </div>
      {a.status !== "revoked" && (
        // one form, a button per task: its outcome shows below both
        <ActionForm action={runTask} labels={labels} className="flex flex-wrap gap-2">
          <input type="hidden" name="agentId" value={a.agentId} />
          {(["precheck", "rescan"] as const).map((kind) => (
            <SubmitButton key={kind} name="kind" value={kind} className={button} pending={t("hosts.queuing")}>
              {t("hosts.runOne", { kind })}
            </SubmitButton>
          ))}
        </ActionForm>
      )}
      <Panel title={t("hosts.inventory")} testId="inventory">
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
          <dt className="text-gray-500">{t("hosts.os")}</dt>
          <dd translate="no">{[inv.os?.name, inv.os?.version].filter(Boolean).join(" ") || a.os}</dd>
          <dt className="text-gray-500">{t("hosts.kernel")}</dt>
          <dd translate="no">{inv.os?.kernel ?? "—"}</dd>
          <dt className="text-gray-500">{t("hosts.cpu")}</dt>
          <dd>{inv.cpu ? t("hosts.cpuValue", { cores: inv.cpu.cores ?? 0, model: inv.cpu.model ?? "" }) : "—"}</dd>
          <dt className="text-gray-500">{t("hosts.memory")}</dt>
          <dd>{size(inv.memoryBytes)}</dd>
          <dt className="text-gray-500">{t("hosts.uptime")}</dt>
          <dd>{inv.uptimeSeconds === undefined ? "—" : t("hosts.days", { days: Math.floor(inv.uptimeSeconds / 86_400) })}</dd>
          <dt className="text-gray-500">{t("hosts.lastSeen")}</dt>
          <dd>
            <Time value={a.lastSeenAt} />
          </dd>
          <dt className="text-gray-500">{t("hosts.agentVersion")}</dt>
          <dd translate="no">{a.agentVersion ?? "—"}</dd>
        </dl>
        <Table
          head={[t("hosts.mount"), { label: t("hosts.size"), numeric: true }, { label: t("hosts.used"), numeric: true }]}
          empty={t("hosts.noDisks")}
        >
          {(inv.disks ?? []).map((d) => (
            <tr key={d.mount}>
              <Cell mono>{d.mount}</Cell>
              <Cell numeric>{size(d.sizeBytes)}</Cell>
              <Cell numeric>{format.number(d.usedBytes / d.sizeBytes, { style: "percent" })}</Cell>
            </tr>
          ))}
        </Table>
        <Table head={[t("hosts.interface"), t("hosts.addresses")]} empty={t("hosts.noInterfaces")}>
          {(inv.interfaces ?? []).map((i) => (
            <tr key={i.name}>
              <Cell mono>{i.name}</Cell>
              <Cell mono>{i.addresses.join(", ")}</Cell>
            </tr>
          ))}
        </Table>
      </Panel>
      {a.status !== "revoked" && (
        <Panel title={t("hosts.targetSize")}>
          <HostSizing who={page.who} channel={page.tenant.channel} agentId={a.agentId} />
        </Panel>
      )}
      <Panel title={t("hosts.tasks")} testId="tasks">
        {/* results arrive by themselves while a task is under way */}
        {a.tasks.some((task) => task.status === "queued" || task.status === "sent") && <AutoRefresh seconds={3} />}
        <TaskHistory tasks={a.tasks} />
      </Panel>
    </>
  );
}
