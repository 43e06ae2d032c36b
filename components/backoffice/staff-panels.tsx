import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { readStaff } from "@/lib/backoffice";
import { codeArgs } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";

/** Who may sign in, the last sign-in attempts, and what staff tried that their role may not do. */
export async function StaffPanels() {
  const [t, s] = await Promise.all([getTranslations(), readStaff(runtime().db.opsDb)]);
  return (
    <div className="space-y-4">
      <Panel title={t("admin.staff.members")} testId="staff-members">
        <Table head={[t("backoffice.name"), t("signin.email"), t("admin.staff.role"), t("backoffice.status"), t("backoffice.created")]}>
          {s.staff.map((m) => (
            <tr key={m.id} data-testid="staff-row">
              <Cell>
                <span translate="no">{m.name}</span>
              </Cell>
              <Cell mono>{m.email}</Cell>
              <Cell>{t("admin.staff.roleName", codeArgs(m.role))}</Cell>
              <Cell>
                {m.disabledAt ? (
                  <Badge tone="gray">{t("admin.staff.disabled")}</Badge>
                ) : (
                  <Badge tone="green">{t("admin.staff.enabled")}</Badge>
                )}
              </Cell>
              <Cell>
                <Time value={m.createdAt} />
              </Cell>
            </tr>
          ))}
        </Table>
      </Panel>
      <Panel title={t("admin.staff.signIns")} testId="staff-sign-ins">
        <Table
          head={[t("backoffice.at"), t("signin.email"), t("admin.staff.address"), t("admin.staff.outcome")]}
          empty={t("admin.staff.signInsEmpty")}
        >
          {s.signIns.map((x) => (
            <tr key={x.id}>
              <Cell>
                <Time value={x.at} />
              </Cell>
              <Cell mono>{x.email}</Cell>
              <Cell mono>{x.address}</Cell>
              <Cell>
                <Badge tone={x.outcome === "ok" ? "green" : x.outcome === "failed" ? "amber" : "red"}>
                  {t("admin.staff.signInOutcome", codeArgs(x.outcome))}
                </Badge>
              </Cell>
            </tr>
          ))}
        </Table>
      </Panel>
      <Panel title={t("admin.staff.refusals")} testId="staff-refusals">
        <Table head={[t("backoffice.at"), t("admin.access.staff"), t("backoffice.action")]} empty={t("admin.staff.refusalsEmpty")}>
          {s.refusals.map((r) => (
            <tr key={r.id}>
              <Cell>
                <Time value={r.at} />
              </Cell>
              <Cell mono>{r.actor.replace(/^staff:/, "")}</Cell>
              <Cell mono>{r.target.replace(/^action:/, "")}</Cell>
            </tr>
          ))}
        </Table>
      </Panel>
    </div>
  );
}
