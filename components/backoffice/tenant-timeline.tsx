import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, type Tone } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { type TimelineEntry, type TimelineKind, tenantTimeline, timelineKinds, timelineQuery } from "@/lib/backoffice";
import { invalidFields, queryValues } from "@/lib/http";
import { codeArgs } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";
import { FilterError } from "./filter-error";

const tones: Record<TimelineKind, Tone> = {
  order: "blue",
  callback: "gray",
  error: "red",
  audit: "green",
  agent: "green",
  metering: "blue",
  staff: "amber",
};

/** One tenant's story, newest first, filterable by kind; older entries a page at a time. */
export async function TenantTimeline({ tenantId, params }: { tenantId: string; params: Record<string, string | string[] | undefined> }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const values = queryValues(params);
  const parsed = timelineQuery.safeParse({ kinds: values.kinds, before: values.before, after: values.after });
  const { db, config } = runtime();
  const { entries, next } = parsed.success
    ? await tenantTimeline(db.opsDb, tenantId, parsed.data, config.AGENT_HEARTBEAT_SECONDS)
    : { entries: [], next: undefined };
  const selected = parsed.success && parsed.data.kinds?.length === 1 ? parsed.data.kinds[0] : undefined;
  const link = (extra: Record<string, string>) => `/ops/tenant?${new URLSearchParams({ id: tenantId, ...extra })}`;
  const time = (at: Date) => format.dateTime(at, "console");
  function what(e: TimelineEntry) {
    if (e.what === "agent.silent" && e.until) {
      const minutes = Math.round((e.until.getTime() - e.at.getTime()) / 6_000) / 10;
      return t("ops.timeline.silent", { from: time(e.at), to: time(e.until), minutes });
    }
    if (e.what === "agent.offline") return t("ops.timeline.offlineSince", { since: time(e.at) });
    if (e.kind === "order" || e.kind === "callback") return t("labels.orderEvent", codeArgs(e.what));
    if (e.kind === "error") return e.what;
    if (e.kind === "metering") return t("admin.metering.state", codeArgs(e.what.replace(/^metering\./, "")));
    return t("labels.auditAction", codeArgs(e.what));
  }
  return (
    <Panel title={t("ops.timeline.title")} testId="timeline">
      <nav className="flex flex-wrap gap-2" aria-label={t("ops.timeline.filter")}>
        {[undefined, ...timelineKinds].map((kind) => (
          <a
            key={kind ?? "all"}
            href={link(kind ? { kinds: kind } : {})}
            aria-current={kind === selected ? "true" : undefined}
            className="rounded border border-gray-300 px-2 py-0.5 text-xs aria-[current=true]:border-primary aria-[current=true]:bg-blue-50 aria-[current=true]:text-primary"
          >
            {kind ? t("ops.timeline.kind", codeArgs(kind)) : t("ops.timeline.all")}
          </a>
        ))}
      </nav>
      {!parsed.success && <FilterError fields={invalidFields(parsed.error)} />}
      <Table
        head={[t("backoffice.at"), t("ops.timeline.kindColumn"), t("ops.timeline.what"), t("ops.timeline.detail"), t("ops.traces.traceId")]}
        empty={t("ops.timeline.empty")}
      >
        {entries.map((e) => (
          <tr key={`${e.kind}-${e.id}`} data-testid="timeline-entry" data-kind={e.kind}>
            <Cell>
              <Time value={e.at} />
            </Cell>
            <Cell>
              <Badge tone={e.what === "agent.offline" ? "amber" : tones[e.kind]}>{t("ops.timeline.kind", codeArgs(e.kind))}</Badge>
            </Cell>
            <Cell>{what(e)}</Cell>
            <Cell mono>{e.detail ?? "—"}</Cell>
            <Cell mono>
              {e.traceId ? (
                <a className="text-primary hover:underline" href={`/ops?traceId=${encodeURIComponent(e.traceId)}`}>
                  {e.traceId}
                </a>
              ) : (
                "—"
              )}
            </Cell>
          </tr>
        ))}
      </Table>
      {next && (
        <a
          className="text-primary hover:underline"
          href={link({ ...(values.kinds && { kinds: values.kinds }), before: next.before.toISOString(), after: next.after })}
        >
          {t("ops.timeline.older")}
        </a>
      )}
    </Panel>
  );
}
