import { getTranslations } from "next-intl/server";
import { changeStaffMember, inviteStaffMember } from "@/app/admin/actions";
import { copyLabels } from "@/components/console/outcome-of";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Field } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { readStaff } from "@/lib/backoffice";
import { codeArgs } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";

const roles = ["isv_admin", "support"] as const;

/** Who may sign in (invite, disable, change a role), the last sign-in attempts, and what staff tried that their role may not do. */
export async function StaffPanels({ selfId }: { selfId: string }) {
  const [t, s, labels] = await Promise.all([getTranslations(), readStaff(runtime().db.opsDb), copyLabels()]);
  const roleOptions = roles.map((r) => ({ value: r, label: t("admin.staff.roleName", codeArgs(r)) }));
  const button = "h-8 rounded border border-gray-300 px-3 text-gray-700 hover:border-primary hover:text-primary";
  return (
    <div className="space-y-4">
      <Panel title={t("admin.staff.invite")} testId="staff-invite">
        <ActionForm action={inviteStaffMember} labels={labels} className="flex flex-wrap items-end gap-3">
          <Field label={t("signin.email")} name="email" type="email" required maxLength={254} className="w-64" />
          <Field label={t("backoffice.name")} name="name" required maxLength={100} className="w-48" />
          <SelectField label={t("admin.staff.role")} name="role" defaultValue="support" options={roleOptions} />
          <SubmitButton pending={t("admin.actions.working")} className="h-8 rounded bg-primary px-4 text-white">
            {t("admin.staff.sendInvite")}
          </SubmitButton>
        </ActionForm>
        <p className="text-xs text-gray-500">{t("admin.staff.inviteHint")}</p>
      </Panel>
      <Panel title={t("admin.staff.members")} testId="staff-members">
        <Table
          head={[
            t("backoffice.name"),
            t("signin.email"),
            t("admin.staff.role"),
            t("backoffice.status"),
            t("backoffice.created"),
            t("admin.actions.title"),
          ]}
        >
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
              <Cell>
                {m.id === selfId ? (
                  <span className="text-xs text-gray-500">{t("admin.staff.you")}</span>
                ) : (
                  <div className="flex gap-2">
                    <ActionForm action={changeStaffMember} labels={labels} className="flex gap-2">
                      <input type="hidden" name="staffId" value={m.id} />
                      <select
                        name="role"
                        defaultValue={m.role}
                        aria-label={t("admin.staff.role")}
                        className="h-8 rounded border border-gray-300 bg-white px-2"
                      >
                        {roleOptions.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <SubmitButton pending={t("admin.actions.working")} className={button}>
                        {t("admin.staff.setRole")}
                      </SubmitButton>
                    </ActionForm>
                    <ActionForm action={changeStaffMember} labels={labels}>
                      <input type="hidden" name="staffId" value={m.id} />
                      <input type="hidden" name="disabled" value={m.disabledAt ? "0" : "1"} />
                      <SubmitButton pending={t("admin.actions.working")} className={button}>
                        {m.disabledAt ? t("admin.staff.enable") : t("admin.staff.disable")}
                      </SubmitButton>
                    </ActionForm>
                  </div>
                )}
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
