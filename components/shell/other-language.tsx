import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";

/** The switch to the language the page is not in, named in that language. */
export async function OtherLanguage() {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return locale === "zh-CN" ? (
    <LanguageSwitch to="en" label={t("language.en")} />
  ) : (
    <LanguageSwitch to="zh-CN" label={t("language.zhCN")} />
  );
}
