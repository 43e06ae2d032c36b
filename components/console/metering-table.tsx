import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, type Tone } from "@/components/ui/badge";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { describeMetering } from "@/lib/actions";
import type { ResultOf } from "@/lib/gateway";
import { codeArgs } from "@/lib/i18n";

const tones: Record<string, Tone> = { pending: "gray", sent: "blue", accepted: "green", rejected: "red", dead: "red" };

/** Reconciliation per hour and metric: the ledger, what was sent, what the channel acknowledged, and whether they agree. */
export async function MeteringTable({ metering }: { metering: ResultOf<typeof describeMetering> }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const n = (v: number | null) => (v === null ? "—" : format.number(v));
  return (
    <Table
      head={[
        t("usage.hour"),
        t("usage.metricColumn"),
        t("usage.dimension"),
        { label: t("usage.ledger"), numeric: true },
        { label: t("usage.pushed"), numeric: true },
        { label: t("usage.accepted"), numeric: true },
        { label: t("usage.recorded"), numeric: true },
        t("usage.state"),
        t("usage.check"),
        t("usage.reason"),
      ]}
      empty={t("usage.noMetering")}
    >
      {metering.hours.map((h) => (
        <tr key={`${h.hour}-${h.metric}`} data-testid="metering-row">
          <Cell>
            <Time value={h.hour} />
          </Cell>
          <Cell>{t("usage.metric", codeArgs(h.metric))}</Cell>
          <Cell mono>{h.dimension ?? "—"}</Cell>
          <Cell numeric>{n(h.ledger)}</Cell>
          <Cell numeric>{n(h.pushed)}</Cell>
          <Cell numeric>{n(h.accepted)}</Cell>
          <Cell numeric>{n(h.recorded)}</Cell>
          <Cell>{h.state ? <Badge tone={tones[h.state] ?? "gray"}>{t("usage.states", codeArgs(h.state))}</Badge> : "—"}</Cell>
          <Cell>
            {h.match === null ? (
              <span className="text-gray-500">{t("usage.notBilled")}</span>
            ) : h.match ? (
              <Badge tone="green">{t("usage.match")}</Badge>
            ) : (
              <Badge tone="red">{t("usage.mismatch")}</Badge>
            )}
          </Cell>
          {/* the channel's words, kept as they came; wrapped, so the table need not scroll to show them */}
          <td className="min-w-64 px-3 py-1 font-mono text-xs text-gray-600" translate="no">
            {h.reason ?? ""}
          </td>
        </tr>
      ))}
    </Table>
  );
}
