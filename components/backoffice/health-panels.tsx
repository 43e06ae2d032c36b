import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { offlineAfterSeconds } from "@/lib/agents";
import { readHealth } from "@/lib/backoffice";
import { codeArgs } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";

/** Job queues, marketplace calls that did not apply, agents gone quiet, and each action's last hour. */
export async function HealthPanels() {
  const { db, config } = runtime();
  const [t, format, health] = await Promise.all([getTranslations(), getFormatter(), readHealth(db.opsDb, config.AGENT_HEARTBEAT_SECONDS)]);
  const n = (x: number) => format.number(x);
  return (
    <div className="space-y-4">
      <Panel title={t("ops.health.queues")} testId="health-queues">
        <Table
          head={[
            t("ops.health.queue"),
            { label: t("ops.health.queued"), numeric: true },
            { label: t("ops.health.active"), numeric: true },
            { label: t("ops.health.deferred"), numeric: true },
            { label: t("ops.health.failed"), numeric: true },
          ]}
          empty={t("ops.health.queuesEmpty")}
        >
          {health.queues.map((q) => (
            <tr key={q.name}>
              <Cell mono>{q.name}</Cell>
              <Cell numeric>{n(q.queued)}</Cell>
              <Cell numeric>{n(q.active)}</Cell>
              <Cell numeric>{n(q.deferred)}</Cell>
              <Cell numeric>{q.failed > 0 ? <Badge tone="red">{n(q.failed)}</Badge> : n(q.failed)}</Cell>
            </tr>
          ))}
        </Table>
      </Panel>
      <Panel title={t("ops.health.notifications")} testId="health-notifications">
        <Table
          head={[t("backoffice.at"), t("backoffice.channel"), t("backoffice.action"), t("ops.health.instance"), t("backoffice.status")]}
          empty={t("ops.health.notificationsEmpty")}
        >
          {health.notifications.map((x) => (
            <tr key={x.id}>
              <Cell>
                <Time value={x.receivedAt} />
              </Cell>
              <Cell>{t("labels.channel", codeArgs(x.channel))}</Cell>
              <Cell>{t("labels.orderEvent", codeArgs(x.action))}</Cell>
              <Cell mono>{x.instanceId ?? "—"}</Cell>
              <Cell>
                <Badge tone={x.status === "refused" ? "red" : "amber"}>{t("ops.health.inboxStatus", codeArgs(x.status))}</Badge>
              </Cell>
            </tr>
          ))}
        </Table>
      </Panel>
      <Panel title={t("ops.health.agents")} testId="health-agents">
        <Table
          head={[
            t("backoffice.tenant"),
            { label: t("ops.health.offline"), numeric: true },
            { label: t("ops.health.total"), numeric: true },
            t("ops.health.lastSeen"),
          ]}
          empty={t("ops.health.agentsEmpty", { seconds: offlineAfterSeconds(config.AGENT_HEARTBEAT_SECONDS) })}
        >
          {health.agents.map((a) => (
            <tr key={a.tenantId}>
              <Cell fill>
                <a className="text-primary hover:underline" href={`/ops/tenant?id=${a.tenantId}`} title={a.displayName} translate="no">
                  {a.displayName}
                </a>
              </Cell>
              <Cell numeric>{n(a.offline)}</Cell>
              <Cell numeric>{n(a.total)}</Cell>
              <Cell>
                <Time value={a.lastSeenAt} />
              </Cell>
            </tr>
          ))}
        </Table>
      </Panel>
      <Panel title={t("ops.health.actions")} testId="health-actions">
        <Table
          head={[
            t("backoffice.action"),
            { label: t("ops.health.calls"), numeric: true },
            { label: t("ops.health.errors"), numeric: true },
            { label: t("ops.health.errorRate"), numeric: true },
            { label: t("ops.health.p95"), numeric: true },
          ]}
          empty={t("ops.health.actionsEmpty")}
        >
          {health.actions.map((a) => (
            <tr key={a.action}>
              <Cell>
                <a className="text-primary hover:underline" href={`/ops?${new URLSearchParams({ action: a.action, errors: "1" })}`}>
                  {a.action}
                </a>
              </Cell>
              <Cell numeric>{n(a.calls)}</Cell>
              <Cell numeric>{n(a.errors)}</Cell>
              <Cell numeric>{format.number(a.calls ? a.errors / a.calls : 0, { style: "percent", maximumFractionDigits: 1 })}</Cell>
              <Cell numeric>{format.number(a.p95Ms, { maximumFractionDigits: 1 })}</Cell>
            </tr>
          ))}
        </Table>
      </Panel>
    </div>
  );
}
