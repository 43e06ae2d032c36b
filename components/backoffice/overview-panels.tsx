import { getFormatter, getTranslations } from "next-intl/server";
import { Panel } from "@/components/ui/panel";
import { Cell, Table } from "@/components/ui/table";
import { type OverviewPeriod, readOverview } from "@/lib/backoffice";
import { codeArgs } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";
import { type Point, SeriesChart } from "./series-chart";

const channels = ["aliyun", "aws", "direct"] as const;
const colors = { aliyun: "#ff6a00", aws: "#232f3e", direct: "#0070cc" } as const;

/** The overview's figures: each chart with its numbers beside it. */
export async function OverviewPanels({ period }: { period: OverviewPeriod }) {
  const [t, format, o] = await Promise.all([
    getTranslations(),
    getFormatter(),
    readOverview(runtime().db.opsDb, period, runtime().config.AGENT_HEARTBEAT_SECONDS),
  ]);
  const n = (x: number) => format.number(x);
  const label = (iso: string) => (period === "month" ? iso.slice(0, 7) : iso.slice(5, 10));
  const series = channels.map((c) => ({ key: c, name: t("admin.overview.channel", codeArgs(c)), color: colors[c] }));
  const tenants: Point[] = o.points.map((p) => ({ label: label(p.start), ...p.tenants }));
  const movement: Point[] = o.points.map((p) => ({
    label: label(p.start),
    created: channels.reduce((s, c) => s + p.created[c], 0),
    churned: channels.reduce((s, c) => s + p.churned[c], 0),
  }));
  const latest = o.points.at(-1)?.tenants ?? { aliyun: 0, aws: 0, direct: 0 };
  const sum = (f: (p: (typeof o.points)[number]) => number) => o.points.reduce((s, p) => s + f(p), 0);
  const usd = (dollars: number) => format.number(dollars, { style: "currency", currency: "USD" });
  // dollars in the chart and its table, so the axis reads as money
  const revenue: Point[] = o.points.map((p) => ({
    label: label(p.start),
    aliyun: p.revenueCents.aliyun / 100,
    aws: p.revenueCents.aws / 100,
    direct: p.revenueCents.direct / 100,
  }));
  const revenueSeries = channels.map((c) => ({
    key: c,
    name: t(c === "direct" ? "admin.overview.invoiced" : "admin.overview.estimated", { channel: t("admin.overview.channel", codeArgs(c)) }),
    color: colors[c],
  }));
  const trials: Point[] = o.points.map((p) => ({ label: label(p.start), ...p.trials }));
  const trialSeries = [
    { key: "started", name: t("admin.overview.trialsStarted"), color: "#9ca3af" },
    { key: "converted", name: t("admin.overview.trialsConverted"), color: "#16a34a" },
  ];
  const started = sum((p) => p.trials.started);
  const converted = sum((p) => p.trials.converted);
  const cards: [string, string, string][] = [
    [t("admin.overview.tenants"), n(latest.aliyun + latest.aws + latest.direct), "tenants"],
    [t("admin.overview.new"), n(sum((p) => p.created.aliyun + p.created.aws + p.created.direct)), "new"],
    [t("admin.overview.churned"), n(sum((p) => p.churned.aliyun + p.churned.aws + p.churned.direct)), "churned"],
    [t("admin.overview.expiring7"), n(o.expiring.within7), "expiring7"],
    [t("admin.overview.expiring30"), n(o.expiring.within30), "expiring30"],
    [
      t("admin.overview.revenueTotal"),
      usd(sum((p) => p.revenueCents.aliyun + p.revenueCents.aws + p.revenueCents.direct) / 100),
      "revenue",
    ],
    [
      t("admin.overview.trialsConverting"),
      started ? `${n(converted)} / ${n(started)} (${format.number(converted / started, { style: "percent" })})` : "—",
      "trials",
    ],
    [t("admin.overview.agentsOnline"), `${n(o.agents.online)} / ${n(o.agents.total)}`, "agents"],
    [t("admin.overview.meteringFailures"), n(o.meteringFailures), "metering"],
  ];
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-9">
        {cards.map(([title, value, id]) => (
          <div key={id} className="rounded border border-gray-200 bg-white p-3" data-testid={`card-${id}`}>
            <dt className="text-xs text-gray-500">{title}</dt>
            <dd className="text-xl font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-gray-500">
        {t("admin.overview.periodNote", { value: period, count: o.points.length })}{" "}
        <a className="text-primary hover:underline" href="/admin/tenants?expiring=30&sort=oldest">
          {t("admin.overview.expiringLink")}
        </a>
      </p>
      <Panel title={t("admin.overview.tenantsPerChannel")} testId="overview-tenants">
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[2fr_1fr]">
          <SeriesChart kind="line" title={t("admin.overview.tenantsPerChannel")} data={tenants} series={series} />
          <ChannelTable rows={tenants} head={[t("admin.overview.bucket"), ...series.map((s) => s.name)]} keys={channels} format={n} />
        </div>
      </Panel>
      <Panel title={t("admin.overview.movement")} testId="overview-movement">
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[2fr_1fr]">
          <SeriesChart
            kind="bar"
            title={t("admin.overview.movement")}
            data={movement}
            series={[
              { key: "created", name: t("admin.overview.new"), color: "#16a34a" },
              { key: "churned", name: t("admin.overview.churned"), color: "#dc2626" },
            ]}
          />
          <ChannelTable
            rows={movement}
            head={[t("admin.overview.bucket"), t("admin.overview.new"), t("admin.overview.churned")]}
            keys={["created", "churned"]}
            format={n}
          />
        </div>
      </Panel>
      <Panel title={t("admin.overview.revenue")} testId="overview-revenue">
        <p className="text-xs text-gray-500">{t("admin.overview.revenueNote")}</p>
        {/* four columns of figures: the table takes half the width; the note says they are US dollars */}
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <SeriesChart kind="bar" title={t("admin.overview.revenue")} data={revenue} series={revenueSeries} />
          <ChannelTable
            rows={revenue}
            head={[t("admin.overview.bucket"), ...revenueSeries.map((s) => s.name)]}
            keys={channels}
            format={(dollars) => format.number(dollars, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
          />
        </div>
      </Panel>
      <Panel title={t("admin.overview.trials")} testId="overview-trials">
        <p className="text-xs text-gray-500">{t("admin.overview.trialsNote")}</p>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[2fr_1fr]">
          <SeriesChart kind="bar" title={t("admin.overview.trials")} data={trials} series={trialSeries} />
          <ChannelTable
            rows={trials}
            head={[t("admin.overview.bucket"), ...trialSeries.map((s) => s.name)]}
            keys={["started", "converted"]}
            format={n}
          />
        </div>
      </Panel>
    </div>
  );
}

function ChannelTable({
  rows,
  head,
  keys,
  format,
}: {
  rows: Point[];
  head: string[];
  keys: readonly string[];
  format: (n: number) => string;
}) {
  return (
    <div className="max-h-64 overflow-auto">
      <Table head={head.map((label, i) => (i === 0 ? label : { label, numeric: true }))}>
        {[...rows].reverse().map((r) => (
          <tr key={r.label}>
            <Cell>{r.label}</Cell>
            {keys.map((k) => (
              <Cell key={k} numeric>
                {format(Number(r[k] ?? 0))}
              </Cell>
            ))}
          </tr>
        ))}
      </Table>
    </div>
  );
}
