import { getTranslations } from "next-intl/server";
import { saveProfile } from "@/components/console/console-actions";
import { consolePage } from "@/components/console/console-context";
import { DisplayForm } from "@/components/console/display-form";
import { copyLabels } from "@/components/console/outcome-of";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { SubmitButton } from "@/components/ui/submit-button";

export default async function SettingsPage() {
  const page = await consolePage();
  if (!page) return null;
  const [t, labels] = await Promise.all([getTranslations(), copyLabels()]);
  const { tenant } = page;
  return (
    <>
      <h1 className="text-lg font-semibold">{t("console.nav.settings")}</h1>
      <Panel title={t("console.settings.profile")}>
        <ActionForm action={saveProfile} labels={labels} className="flex flex-wrap items-end gap-3">
          <Field
            label={t("console.settings.name")}
            name="displayName"
            defaultValue={tenant.name}
            maxLength={128}
            required
            className="w-full sm:w-64"
          />
          <Field
            label={t("console.settings.contact")}
            name="contactEmail"
            type="email"
            defaultValue={tenant.contactEmail ?? ""}
            maxLength={254}
            className="w-full sm:w-64"
          />
          <SubmitButton className="h-8 rounded bg-primary px-4 text-white hover:bg-primary-dark" pending={t("common.save")}>
            {t("common.save")}
          </SubmitButton>
        </ActionForm>
      </Panel>
      <Panel title={t("console.settings.display")}>
        <DisplayForm />
      </Panel>
      <Panel title={t("console.settings.data")}>
        <p className="text-gray-600">{t("console.settings.exportText")}</p>
        <a href="/console/export" className="text-primary underline" data-testid="export-link">
          {t("console.settings.export")}
        </a>
      </Panel>
    </>
  );
}
