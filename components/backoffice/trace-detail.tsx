import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { Time } from "@/components/ui/time";
import type { TraceRow } from "@/lib/backoffice";
import type { ErrorCode } from "@/lib/gateway";
import { failureText } from "@/lib/i18n";

export const codeTone = (x: Pick<TraceRow, "code" | "httpStatus">) => (x.code === "OK" ? "green" : x.httpStatus >= 500 ? "red" : "amber");

/**
 * The call a traceId names: who called, for which tenant, what it answered
 * and how long it took, and where to look next. The trace records no
 * parameters (they may hold secrets), so there are none to show.
 */
export async function TraceDetail({ trace }: { trace: TraceRow }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const rows: [string, React.ReactNode][] = [
    [t("backoffice.at"), <Time key="at" value={trace.at} />],
    [t("backoffice.action"), trace.action],
    [
      t("backoffice.code"),
      <span key="code" className="space-x-2">
        <Badge tone={codeTone(trace)}>
          {trace.code} · {trace.httpStatus}
        </Badge>
        {trace.code !== "OK" && <span>{failureText(t, { code: trace.code as ErrorCode })}</span>}
      </span>,
    ],
    [t("backoffice.latency"), format.number(trace.latencyMs, { maximumFractionDigits: 1 })],
    [t("ops.traces.authenticated"), trace.authenticated ? t("common.yes") : t("backoffice.unauthenticatedHint")],
    [t("backoffice.channel"), trace.channel ?? "—"],
    [
      t("ops.traces.account"),
      <span key="account" translate="no">
        {trace.parentUid ?? "—"}
      </span>,
    ],
    [
      t("backoffice.caller"),
      <span key="uid" translate="no">
        {trace.uid ?? "—"}
      </span>,
    ],
    [
      t("ops.traces.key"),
      <span key="key" translate="no">
        {trace.keyId ?? "—"}
      </span>,
    ],
    [
      t("ops.traces.clientAddress"),
      <span key="addr" translate="no">
        {trace.clientAddress ?? "—"}
      </span>,
    ],
  ];
  return (
    <Panel title={t("ops.traces.detail")} testId="trace-detail">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-gray-500">{label}</dt>
            <dd className="min-w-0 break-all">{value}</dd>
          </div>
        ))}
      </dl>
      {trace.params != null && (
        <div className="space-y-1">
          <h3 className="text-gray-500">{t("ops.traces.params")}</h3>
          <pre className="overflow-x-auto rounded bg-gray-50 p-2 font-mono text-xs" translate="no" data-testid="trace-params">
            {JSON.stringify(trace.params, null, 2)}
          </pre>
        </div>
      )}
      {trace.tenantId && (
        <a className="inline-block h-8 rounded border border-primary px-4 leading-8 text-primary" href={`/ops/tenant?id=${trace.tenantId}`}>
          {t("ops.traces.openTimeline")}
        </a>
      )}
    </Panel>
  );
}
