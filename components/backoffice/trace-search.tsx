import { getFormatter, getTimeZone, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { searchTraces, type TraceRow, traceQuery } from "@/lib/backoffice";
import { invalidFields, queryValues } from "@/lib/http";
import { instantOfWallTime } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";
import { FilterError } from "./filter-error";
import { codeTone, TraceDetail } from "./trace-detail";

const input = "mt-1 block h-8 w-full rounded border border-gray-300 px-2";

/** Support's trace search: a traceId (exact), or tenant, action, code and time range; the newest 50. */
export async function TraceSearch({ params }: { params: Record<string, string | string[] | undefined> }) {
  const [t, format, zone] = await Promise.all([getTranslations(), getFormatter(), getTimeZone()]);
  const values = queryValues(params);
  // the range fields hold the viewer's wall-clock time, as the results show theirs
  const inZone = (wall: string | undefined) => wall && instantOfWallTime(wall, zone);
  const parsed = traceQuery.safeParse({ ...values, from: inZone(values.from), to: inZone(values.to) });
  let traces: TraceRow[] = [];
  if (parsed.success) {
    await runtime().traces.flush(); // this process's own calls, so a page's failure is found at once
    traces = await searchTraces(runtime().db.opsDb, parsed.data);
  }
  const first = parsed.success && parsed.data.traceId ? traces[0] : undefined;
  return (
    <div className="space-y-4">
      <form className="grid grid-cols-1 gap-3 rounded border border-gray-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        <label className="block min-w-0 sm:col-span-2">
          <span className="text-xs text-gray-500">{t("ops.traces.traceId")}</span>
          <input
            name="traceId"
            defaultValue={values.traceId}
            placeholder={t("backoffice.tracePlaceholder")}
            className={`${input} font-mono text-xs`}
          />
        </label>
        <label className="block min-w-0 sm:col-span-2">
          <span className="text-xs text-gray-500">{t("ops.traces.tenantId")}</span>
          <input name="tenant" defaultValue={values.tenant} className={`${input} font-mono text-xs`} />
        </label>
        <label className="block min-w-0">
          <span className="text-xs text-gray-500">{t("backoffice.action")}</span>
          <input name="action" defaultValue={values.action} placeholder="DescribeTenant" className={input} />
        </label>
        <label className="block min-w-0">
          <span className="text-xs text-gray-500">{t("backoffice.code")}</span>
          <input name="code" defaultValue={values.code} placeholder="Forbidden" className={input} />
        </label>
        <label className="block min-w-0">
          <span className="text-xs text-gray-500">{t("ops.traces.from", { zone })}</span>
          <input type="datetime-local" name="from" defaultValue={values.from} className={input} />
        </label>
        <label className="block min-w-0">
          <span className="text-xs text-gray-500">{t("ops.traces.to", { zone })}</span>
          <input type="datetime-local" name="to" defaultValue={values.to} className={input} />
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="errors" value="1" defaultChecked={values.errors === "1"} />
          <span>{t("ops.traces.errorsOnly")}</span>
        </label>
        <div className="flex items-end sm:col-span-2 lg:col-span-3 lg:justify-end">
          <button type="submit" className="h-8 rounded bg-primary px-4 text-white">
            {t("backoffice.find")}
          </button>
        </div>
      </form>
      {!parsed.success && <FilterError fields={invalidFields(parsed.error)} />}
      {first && <TraceDetail trace={first} />}
      <Panel title={t("ops.traces.results", { count: traces.length })}>
        <p className="text-xs text-gray-500">{parsed.success && !values.traceId ? t("ops.traces.rangeHint") : t("ops.traces.exactHint")}</p>
        <Table
          head={[
            t("backoffice.at"),
            t("ops.traces.traceId"),
            t("backoffice.action"),
            t("backoffice.code"),
            t("backoffice.tenant"),
            t("backoffice.caller"),
            { label: t("backoffice.latency"), numeric: true },
          ]}
          empty={values.traceId ? t("backoffice.traceNone") : t("ops.traces.none")}
        >
          {traces.map((x) => (
            <tr key={`${x.id}-${x.at.toISOString()}`} data-testid="trace-row">
              <Cell>
                <Time value={x.at} />
              </Cell>
              <Cell mono>
                <a className="text-primary hover:underline" href={`/ops?traceId=${encodeURIComponent(x.traceId)}`}>
                  {x.traceId}
                </a>
              </Cell>
              <Cell>{x.action}</Cell>
              <Cell>
                <Badge tone={codeTone(x)}>{x.code}</Badge>
                {!x.authenticated && (
                  <span className="ml-1" title={t("backoffice.unauthenticatedHint")} data-testid="trace-unauthenticated">
                    <Badge tone="gray">{t("backoffice.unauthenticated")}</Badge>
                  </span>
                )}
              </Cell>
              <Cell mono>
                {x.tenantId ? (
                  <a className="text-primary hover:underline" href={`/ops/tenant?id=${x.tenantId}`}>
                    {x.tenantId}
                  </a>
                ) : (
                  "—"
                )}
              </Cell>
              <Cell mono>{x.uid ?? "—"}</Cell>
              <Cell numeric>{format.number(x.latencyMs, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</Cell>
            </tr>
          ))}
        </Table>
      </Panel>
    </div>
  );
}
