import { cookies, headers } from "next/headers";
import { pickLocale, translator } from "@/lib/i18n";

export const localeCookie = "skyport_lang";

/** The viewer's language: their explicit choice, else the browser's. */
export async function currentLocale() {
  const chosen = (await cookies()).get(localeCookie)?.value;
  const locale = pickLocale(chosen, (await headers()).get("accept-language"));
  return { locale, t: translator(locale) };
}
