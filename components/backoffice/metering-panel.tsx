import { getFormatter, getTranslations } from "next-intl/server";
import { retryDeadMeteringRecord } from "@/app/admin/actions";
import { copyLabels } from "@/components/console/outcome-of";
import { ActionForm } from "@/components/ui/action-form";
import { Badge, type Tone } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { SubmitButton } from "@/components/ui/submit-button";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { tenantDetail } from "@/lib/backoffice";
import { codeArgs } from "@/lib/i18n";

type Records = Awaited<ReturnType<typeof tenantDetail>>["metering"];
const tones: Record<string, Tone> = { pending: "gray", sent: "blue", accepted: "green", rejected: "red", dead: "red" };

/** Each hour's push per channel and metric: what was sent, what the channel took, what is stuck; a dead record can be sent again. */
export async function MeteringPanel({ tenantId, records }: { tenantId: string; records: Records }) {
  const [t, format, labels] = await Promise.all([getTranslations(), getFormatter(), copyLabels()]);
  const dead = records.filter((r) => r.state === "dead");
  const n = (x: number | null) => (x === null ? "—" : format.number(x, { maximumFractionDigits: 3 }));
  return (
    <Panel title={t("admin.metering.title")} testId="tenant-metering">
      <Table
        head={[
          t("admin.metering.hour"),
          t("backoffice.channel"),
          t("admin.tenant.metric"),
          { label: t("admin.metering.quantity"), numeric: true },
          { label: t("admin.metering.accepted"), numeric: true },
          t("backoffice.status"),
          { label: t("admin.metering.attempts"), numeric: true },
          t("admin.tenant.why"),
        ]}
        empty={t("admin.metering.empty")}
      >
        {records.map((r) => (
          <tr key={r.id} data-testid="metering-row">
            <Cell>
              <Time value={r.hour} />
            </Cell>
            <Cell>{t("admin.overview.channel", codeArgs(r.channel))}</Cell>
            <Cell>
              {t("admin.metric", codeArgs(r.metric))} <span className="font-mono text-xs text-gray-500">{r.dimension}</span>
            </Cell>
            <Cell numeric>{n(r.quantity)}</Cell>
            <Cell numeric>{n(r.acceptedQuantity)}</Cell>
            <Cell>
              <Badge tone={tones[r.state] ?? "gray"}>{t("admin.metering.state", codeArgs(r.state))}</Badge>
            </Cell>
            <Cell numeric>{r.attempts}</Cell>
            <Cell>{r.reason ?? "—"}</Cell>
          </tr>
        ))}
      </Table>
      {dead.length > 0 && (
        <ActionForm action={retryDeadMeteringRecord} labels={labels} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="tenantId" value={tenantId} />
          <label className="block">
            <span className="text-xs text-gray-500">{t("admin.metering.deadRecord")}</span>
            <select name="recordId" className="mt-1 block h-8 rounded border border-gray-300 bg-white px-2">
              {dead.map((r) => (
                <option key={r.id} value={r.id}>
                  {`${r.hour.toISOString().slice(0, 13)}:00Z · ${r.channel} · ${r.metric}`}
                </option>
              ))}
            </select>
          </label>
          <label className="block min-w-0 grow basis-64">
            <span className="text-xs text-gray-500">{t("admin.actions.reason")}</span>
            <input
              name="reason"
              required
              minLength={5}
              maxLength={500}
              className="mt-1 block h-8 w-full rounded border border-gray-300 px-2"
            />
          </label>
          <SubmitButton pending={t("admin.actions.working")} className="h-8 rounded bg-primary px-4 text-white">
            {t("admin.metering.retry")}
          </SubmitButton>
        </ActionForm>
      )}
      {dead.length > 0 && <p className="text-xs text-gray-500">{t("admin.metering.retryHint")}</p>}
    </Panel>
  );
}
