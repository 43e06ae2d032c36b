import { getTranslations } from "next-intl/server";
import { acceptStaffInvite } from "@/components/backoffice/accept-invite";
import { copyLabels } from "@/components/console/outcome-of";
import { PlainPage } from "@/components/shell/plain-page";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

/** An invited staff member chooses a password; the token comes back with the form, never shown. */
export default async function StaffInvitePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const [t, labels, { token }] = await Promise.all([getTranslations(), copyLabels(), searchParams]);
  return (
    <PlainPage title={t("admin.invite.title")}>
      <p className="text-gray-600">{t("admin.invite.hint")}</p>
      <ActionForm action={acceptStaffInvite} labels={labels} className="space-y-3">
        <input type="hidden" name="token" value={typeof token === "string" ? token : ""} />
        <Field
          label={t("signin.password")}
          name="password"
          type="password"
          required
          minLength={12}
          maxLength={200}
          autoComplete="new-password"
        />
        <SubmitButton pending={t("admin.actions.working")} className="h-8 w-full rounded bg-primary text-white">
          {t("admin.invite.submit")}
        </SubmitButton>
      </ActionForm>
    </PlainPage>
  );
}
