import { getTranslations } from "next-intl/server";
import { reconcileWithMarketplace, resumeTenant, reverifyCloudRole, suspendTenant } from "@/app/admin/actions";
import { copyLabels } from "@/components/console/outcome-of";
import { ActionForm } from "@/components/ui/action-form";
import { Panel } from "@/components/ui/panel";
import { SubmitButton } from "@/components/ui/submit-button";

/** The deliberate actions on a tenant: each needs a written reason, which the audit entry keeps. */
export async function TenantActions({ tenantId, suspended, channel }: { tenantId: string; suspended: boolean; channel: string }) {
  const [t, labels] = await Promise.all([getTranslations(), copyLabels()]);
  const form = (action: typeof suspendTenant, button: string, testId: string, danger: boolean) => (
    <ActionForm action={action} labels={labels} className="space-y-2">
      <input type="hidden" name="tenantId" value={tenantId} />
      <label className="block">
        <span className="text-xs text-gray-500">{t("admin.actions.reason")}</span>
        <textarea
          name="reason"
          required
          minLength={5}
          maxLength={500}
          rows={2}
          data-testid={`${testId}-reason`}
          className="mt-1 block w-full rounded border border-gray-300 px-2 py-1"
        />
      </label>
      <SubmitButton pending={t("admin.actions.working")} className={`h-8 rounded px-4 text-white ${danger ? "bg-red-700" : "bg-primary"}`}>
        {button}
      </SubmitButton>
    </ActionForm>
  );
  return (
    <Panel title={t("admin.actions.title")} testId="tenant-actions">
      <p className="text-xs text-gray-500">{t("admin.actions.audited")}</p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        {suspended
          ? form(resumeTenant, t("admin.actions.resume"), "resume", false)
          : form(suspendTenant, t("admin.actions.suspend"), "suspend", true)}
        {/* a direct tenant has neither a cloud role (its console offers none) nor a marketplace to reconcile with */}
        {channel !== "direct" && (
          <>
            {form(reverifyCloudRole, t("admin.actions.reverify"), "reverify", false)}
            {form(reconcileWithMarketplace, t("admin.actions.reconcile"), "reconcile", false)}
          </>
        )}
      </div>
    </Panel>
  );
}
