import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Badge, type Tone } from "@/components/ui/badge";
import { SubmitButton } from "@/components/ui/submit-button";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { describeAgents } from "@/lib/actions";
import type { ResultOf } from "@/lib/gateway";
import { codeArgs } from "@/lib/i18n";
import { runTask } from "./host-actions";
import { gib } from "./host-units";
import { copyLabels } from "./outcome-of";

const tones: Record<string, Tone> = { online: "green", offline: "gray", revoked: "red" };

export async function AgentStatusBadge({ status }: { status: string }) {
  const t = await getTranslations();
  return <Badge tone={tones[status] ?? "gray"}>{t("labels.agentStatus", codeArgs(status))}</Badge>;
}

/** The tenant's hosts, a page at a time, each with a box to tick for a bulk precheck. */
export async function HostsTable({ agents }: { agents: ResultOf<typeof describeAgents>["agents"] }) {
  const [t, format, labels] = await Promise.all([getTranslations(), getFormatter(), copyLabels()]);
  const size = (bytes: number | null) => (bytes === null ? "—" : t("hosts.gib", { value: format.number(gib(bytes) ?? 0) }));
  return (
    <ActionForm action={runTask} labels={labels} className="space-y-2">
      <input type="hidden" name="kind" value="precheck" />
      <Table
        head={[
          "",
          t("hosts.hostname"),
          t("hosts.status"),
          t("hosts.os"),
          { label: t("hosts.cpu"), numeric: true },
          { label: t("hosts.memory"), numeric: true },
          { label: t("hosts.disk"), numeric: true },
          t("hosts.lastSeen"),
        ]}
        empty={
          <>
            {t("hosts.empty")}{" "}
            <Link href="/console/hosts/add" className="text-primary underline">
              {t("hosts.addHosts")}
            </Link>
          </>
        }
      >
        {agents.map((a) => (
          <tr key={a.agentId} data-testid="host-row">
            <Cell>
              <input type="checkbox" name="agentId" value={a.agentId} disabled={a.status === "revoked"} aria-label={a.hostname} />
            </Cell>
            <Cell>
              <HostLink agentId={a.agentId} hostname={a.hostname} />
            </Cell>
            <Cell>
              <AgentStatusBadge status={a.status} />
            </Cell>
            <Cell>
              <span translate="no">{a.os}</span>
            </Cell>
            <Cell numeric>{a.cpuCores ?? "—"}</Cell>
            <Cell numeric>{size(a.memoryBytes)}</Cell>
            <Cell numeric>{a.diskBytes === null ? "—" : `${size(a.diskUsedBytes)} / ${size(a.diskBytes)}`}</Cell>
            <Cell>
              <Time value={a.lastSeenAt} />
            </Cell>
          </tr>
        ))}
      </Table>
      {agents.length > 0 && (
        <SubmitButton className="h-8 rounded border border-primary px-3 text-primary hover:bg-blue-50" pending={t("hosts.queuing")}>
          {t("hosts.runPrecheck")}
        </SubmitButton>
      )}
    </ActionForm>
  );
}

/** A host's name, linking to its page (a name is data: never translated). */
export function HostLink({ agentId, hostname }: { agentId: string; hostname: string }) {
  return (
    <Link href={`/console/hosts/${agentId}`} className="text-primary hover:underline" translate="no">
      {hostname}
    </Link>
  );
}
