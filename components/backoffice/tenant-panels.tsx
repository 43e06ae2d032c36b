import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { StatusBadge } from "@/components/ui/status-badge";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { isOnline } from "@/lib/agents";
import { tenantDetail, tenantTimeline } from "@/lib/backoffice";
import { fromStripeAmount } from "@/lib/billing";
import { cloudFailureText, codeArgs } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";
import { MeteringPanel } from "./metering-panel";
import { type Point, SeriesChart } from "./series-chart";

const palette = ["#0070cc", "#16a34a", "#d97706", "#9333ea"];

/** Everything the admin reads about one tenant; each panel says when it has nothing yet. */
export async function TenantPanels({ tenantId }: { tenantId: string }) {
  const db = runtime().db.opsDb;
  const heartbeatSeconds = runtime().config.AGENT_HEARTBEAT_SECONDS;
  const [t, format, d, { entries: staffActions }] = await Promise.all([
    getTranslations(),
    getFormatter(),
    tenantDetail(db, tenantId),
    tenantTimeline(db, tenantId, { kinds: ["staff"] }, heartbeatSeconds),
  ]);
  const metrics = [...new Set(d.usage.map((u) => u.metric))];
  const days = [...new Set(d.usage.map((u) => u.day))];
  const usagePoints: Point[] = days.map((day) => ({
    label: day.slice(5),
    ...Object.fromEntries(metrics.map((m) => [m, d.usage.find((u) => u.day === day && u.metric === m)?.quantity ?? 0])),
  }));
  const totals = metrics.map((m) => ({
    metric: m,
    quantity: d.usage.filter((u) => u.metric === m).reduce((sum, u) => sum + u.quantity, 0),
  }));
  const now = Date.now();
  const money = (amount: number, currency: string) =>
    format.number(fromStripeAmount(amount, currency), { style: "currency", currency: currency.toUpperCase() });
  return (
    <div className="space-y-4">
      <Panel title={t("admin.tenant.usage")} testId="tenant-usage">
        {metrics.length === 0 ? (
          <p className="text-gray-500">{t("admin.tenant.usageEmpty")}</p>
        ) : (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-[2fr_1fr]">
            <SeriesChart
              kind="bar"
              title={t("admin.tenant.usage")}
              data={usagePoints}
              series={metrics.map((m, i) => ({
                key: m,
                name: t("admin.metric", codeArgs(m)),
                color: palette[i % palette.length] as string,
              }))}
            />
            <Table head={[t("admin.tenant.metric"), { label: t("admin.tenant.last30"), numeric: true }]}>
              {totals.map((x) => (
                <tr key={x.metric}>
                  <Cell>{t("admin.metric", codeArgs(x.metric))}</Cell>
                  <Cell numeric>{format.number(x.quantity, { maximumFractionDigits: 2 })}</Cell>
                </tr>
              ))}
            </Table>
          </div>
        )}
      </Panel>
      <MeteringPanel tenantId={tenantId} records={d.metering} />
      <Panel title={t("admin.tenant.subscriptions")}>
        <Table
          head={[
            t("backoffice.plan"),
            "SKU",
            t("backoffice.status"),
            t("admin.tenant.starts"),
            t("backoffice.expires"),
            t("admin.tenant.instance"),
          ]}
          empty={t("admin.tenant.none")}
        >
          {d.subscriptions.map((s) => (
            <tr key={s.id}>
              <Cell>
                {t("labels.plan", codeArgs(s.plan))}
                {s.trial && ` (${t("admin.tenants.trial")})`}
              </Cell>
              <Cell mono>{s.sku}</Cell>
              <Cell>
                <StatusBadge of="subscription" status={s.status} />
              </Cell>
              <Cell>
                <Time value={s.startsAt} />
              </Cell>
              <Cell>
                <Time value={s.expiresAt} />
              </Cell>
              <Cell mono>{s.instanceId ?? "—"}</Cell>
            </tr>
          ))}
        </Table>
      </Panel>
      <Panel title={t("admin.tenant.orders")}>
        <Table
          head={[
            t("backoffice.at"),
            t("admin.tenant.event"),
            t("admin.tenant.instance"),
            t("admin.tenant.order"),
            "SKU",
            t("backoffice.expires"),
          ]}
          empty={t("admin.tenant.none")}
        >
          {d.orders.map((o) => (
            <tr key={o.id}>
              <Cell>
                <Time value={o.at} />
              </Cell>
              <Cell>{t("labels.orderEvent", codeArgs(o.action))}</Cell>
              <Cell mono>{o.instanceId}</Cell>
              <Cell mono>{o.orderId ?? "—"}</Cell>
              <Cell mono>{o.sku ?? "—"}</Cell>
              <Cell>
                <Time value={o.expiresAt} />
              </Cell>
            </tr>
          ))}
        </Table>
      </Panel>
      {d.invoices.length > 0 && (
        <Panel title={t("admin.tenant.invoices")} testId="tenant-invoices">
          <Table
            head={[
              t("admin.tenant.invoice"),
              t("backoffice.status"),
              { label: t("admin.tenant.amountDue"), numeric: true },
              { label: t("admin.tenant.amountPaid"), numeric: true },
              t("admin.tenant.paidAt"),
            ]}
          >
            {d.invoices.map((i) => (
              <tr key={i.invoiceId}>
                <Cell mono>{i.invoiceId}</Cell>
                <Cell>{i.status}</Cell>
                <Cell numeric>{money(i.amountDue, i.currency)}</Cell>
                <Cell numeric>{money(i.amountPaid, i.currency)}</Cell>
                <Cell>
                  <Time value={i.paidAt} />
                </Cell>
              </tr>
            ))}
          </Table>
        </Panel>
      )}
      <Panel title={t("backoffice.cloud")}>
        <Table
          head={[
            t("admin.tenant.provider"),
            t("admin.tenant.role"),
            t("backoffice.status"),
            t("admin.tenant.verifiedAt"),
            t("admin.tenant.why"),
          ]}
          empty={t("admin.tenant.none")}
        >
          {d.cloud.map((c) => (
            <tr key={c.provider}>
              <Cell>{t("labels.cloud", codeArgs(c.provider))}</Cell>
              <Cell mono>{c.roleArn ?? "—"}</Cell>
              <Cell>
                <StatusBadge of="cloud" status={c.status} />
              </Cell>
              <Cell>
                <Time value={c.verifiedAt} />
              </Cell>
              <Cell>{c.failure ? cloudFailureText(t, { code: c.failure }) : "—"}</Cell>
            </tr>
          ))}
        </Table>
      </Panel>
      <Panel title={t("admin.tenant.agents", { count: d.agents.filter((a) => !a.revokedAt).length })}>
        <Table
          head={[
            t("admin.tenant.host"),
            t("admin.tenant.os"),
            t("admin.tenant.version"),
            t("backoffice.status"),
            t("admin.tenant.enrolled"),
            t("ops.health.lastSeen"),
          ]}
          empty={t("admin.tenant.none")}
        >
          {d.agents.map((a) => {
            const status = a.revokedAt ? "revoked" : isOnline(a.lastSeenAt, heartbeatSeconds, now) ? "online" : "offline";
            return (
              <tr key={a.id}>
                <Cell mono>{a.hostname}</Cell>
                <Cell mono>
                  {a.os} {a.arch}
                </Cell>
                <Cell mono>{a.agentVersion ?? "—"}</Cell>
                <Cell>
                  <Badge tone={status === "online" ? "green" : status === "offline" ? "amber" : "gray"}>
                    {t("labels.agentStatus", codeArgs(status))}
                  </Badge>
                </Cell>
                <Cell>
                  <Time value={a.enrolledAt} />
                </Cell>
                <Cell>
                  <Time value={a.lastSeenAt} />
                </Cell>
              </tr>
            );
          })}
        </Table>
      </Panel>
      <Panel title={t("admin.tenant.errors")} testId="tenant-errors">
        <Table
          head={[t("backoffice.at"), t("backoffice.action"), t("backoffice.code"), t("ops.traces.traceId")]}
          empty={t("admin.tenant.none")}
        >
          {d.errors.map((e) => (
            <tr key={`${e.id}-${e.at.toISOString()}`}>
              <Cell>
                <Time value={e.at} />
              </Cell>
              <Cell>{e.action}</Cell>
              <Cell>
                <Badge tone={e.httpStatus >= 500 ? "red" : "amber"}>{e.code}</Badge>
              </Cell>
              <Cell mono>
                <a className="text-primary hover:underline" href={`/ops?traceId=${encodeURIComponent(e.traceId)}`}>
                  {e.traceId}
                </a>
              </Cell>
            </tr>
          ))}
        </Table>
      </Panel>
      <Panel title={t("admin.tenant.audit")}>
        <Table
          head={[t("backoffice.at"), t("admin.tenant.actor"), t("ops.timeline.what"), t("ops.timeline.detail")]}
          empty={t("admin.tenant.none")}
        >
          {[
            ...staffActions.map((s) => ({
              key: s.id,
              at: s.at,
              actor: s.detail ?? "",
              action: s.what,
              target: "",
            })),
            ...d.audit.map((a) => ({ key: a.id, at: a.at, actor: a.actorUid, action: a.action, target: a.target })),
          ]
            .sort((a, b) => b.at.getTime() - a.at.getTime())
            .map((a) => (
              <tr key={a.key}>
                <Cell>
                  <Time value={a.at} />
                </Cell>
                <Cell mono>{a.actor}</Cell>
                <Cell>{t("labels.auditAction", codeArgs(a.action))}</Cell>
                <Cell mono>{a.target || "—"}</Cell>
              </tr>
            ))}
        </Table>
      </Panel>
    </div>
  );
}
