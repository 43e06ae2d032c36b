import { getFormatter, getTranslations } from "next-intl/server";
import { currentViewer } from "@/components/i18n/viewer";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { currencies } from "@/lib/i18n";
import { saveDisplay } from "./console-actions";
import { copyLabels } from "./outcome-of";

const zones = ["UTC", ...Intl.supportedValuesOf("timeZone")];

/** Language, time zone and currency for this browser (Alibaba buyers start with Asia/Shanghai and CNY). */
export async function DisplayForm() {
  const [t, format, viewer, labels] = await Promise.all([getTranslations(), getFormatter(), currentViewer(), copyLabels()]);
  return (
    <ActionForm action={saveDisplay} labels={labels} className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          label={t("console.settings.language")}
          name="locale"
          defaultValue={viewer.locale}
          options={[
            { value: "en", label: t("language.en") },
            { value: "zh-CN", label: t("language.zhCN") },
          ]}
        />
        <SelectField label={t("console.settings.timeZone")} name="timeZone" defaultValue={viewer.timeZone} options={zones} />
        <SelectField
          label={t("console.settings.currency")}
          name="currency"
          defaultValue={viewer.currency}
          options={currencies.map((c) => ({ value: c, label: t("console.settings.currencyName", { currency: c }) }))}
        />
        <SubmitButton className="h-8 rounded bg-primary px-4 text-white hover:bg-primary-dark" pending={t("common.save")}>
          {t("common.save")}
        </SubmitButton>
      </div>
      <p className="text-gray-500">
        {t("console.settings.preview", { time: format.dateTime(new Date(), "console"), amount: format.number(1234.5, "money") })}
      </p>
    </ActionForm>
  );
}
