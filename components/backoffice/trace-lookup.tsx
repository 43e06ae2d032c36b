import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { lookupTrace } from "@/lib/backoffice";

export async function TraceLookup({ traceId }: { traceId?: string | undefined }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const traces = traceId ? await lookupTrace(traceId) : [];
  return (
    <section className="space-y-2" id="traces">
      <h2 className="font-semibold">{t("backoffice.traces")}</h2>
      <form className="flex max-w-full gap-2">
        <input
          name="traceId"
          defaultValue={traceId}
          placeholder={t("backoffice.tracePlaceholder")}
          className="h-8 w-96 max-w-full min-w-0 rounded border border-gray-300 px-2 font-mono text-xs"
        />
        <button type="submit" className="h-8 shrink-0 rounded bg-primary px-4 text-white">
          {t("backoffice.find")}
        </button>
      </form>
      {traceId && (
        <Table
          head={[
            t("backoffice.at"),
            t("backoffice.action"),
            t("backoffice.code"),
            t("backoffice.tenant"),
            t("backoffice.caller"),
            { label: t("backoffice.latency"), numeric: true },
          ]}
          empty={t("backoffice.traceNone")}
        >
          {traces.map((x) => (
            <tr key={String(x.id)} data-testid="trace-row">
              <Cell>
                <Time value={x.at} />
              </Cell>
              <Cell>{x.action}</Cell>
              <Cell>
                <Badge tone={x.code === "OK" ? "green" : x.httpStatus >= 500 ? "red" : "amber"}>{x.code}</Badge>
                {!x.authenticated && (
                  <span className="ml-1" title={t("backoffice.unauthenticatedHint")} data-testid="trace-unauthenticated">
                    <Badge tone="gray">{t("backoffice.unauthenticated")}</Badge>
                  </span>
                )}
              </Cell>
              <Cell mono>{x.tenantId ?? "—"}</Cell>
              <Cell mono>{x.uid ?? "—"}</Cell>
              <Cell numeric>{format.number(x.latencyMs, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</Cell>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
