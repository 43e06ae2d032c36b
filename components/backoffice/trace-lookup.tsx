import { Badge } from "@/components/ui/badge";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { lookupTrace } from "@/lib/backoffice";
import type { Locale, MessageKey } from "@/lib/i18n";

export async function TraceLookup({ traceId, t, locale }: { traceId?: string; t: (k: MessageKey) => string; locale: Locale }) {
  const traces = traceId ? await lookupTrace(traceId) : [];
  return (
    <section className="space-y-2" id="traces">
      <h2 className="font-semibold">{t("nav.traces")}</h2>
      <form className="flex gap-2">
        <input
          name="traceId"
          defaultValue={traceId}
          placeholder={t("traces.placeholder")}
          className="h-8 w-96 rounded border border-gray-300 px-2 font-mono text-xs"
        />
        <button type="submit" className="h-8 rounded bg-primary px-4 text-white">
          {t("traces.find")}
        </button>
      </form>
      {traceId && (
        <Table
          head={[t("traces.at"), t("traces.action"), t("traces.code"), t("traces.tenant"), "uid", t("traces.latency")]}
          empty={t("traces.none")}
        >
          {traces.map((x) => (
            <tr key={String(x.id)} data-testid="trace-row">
              <Cell>
                <Time value={x.at} locale={locale} />
              </Cell>
              <Cell>{x.action}</Cell>
              <Cell>
                <Badge tone={x.code === "OK" ? "green" : x.httpStatus >= 500 ? "red" : "amber"}>{x.code}</Badge>
                {!x.authenticated && (
                  <span className="ml-1" title={t("traces.unauthenticatedHint")} data-testid="trace-unauthenticated">
                    <Badge tone="gray">{t("traces.unauthenticated")}</Badge>
                  </span>
                )}
              </Cell>
              <Cell mono>{x.tenantId ?? "—"}</Cell>
              <Cell mono>{x.uid ?? "—"}</Cell>
              <Cell numeric>{x.latencyMs.toFixed(1)}</Cell>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
