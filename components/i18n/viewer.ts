import { cookies, headers } from "next/headers";
import { currentBuyer } from "@/components/console/current-buyer";
import { displayPreferences, resolveLocale } from "@/lib/i18n";

export const localeCookie = "skyport_lang";
export const zoneCookie = "skyport_tz";
export const currencyCookie = "skyport_currency";

/** How this viewer reads Skyport: language, time zone and currency, from their session, their choices and their browser. */
export async function currentViewer() {
  const [jar, head, buyer] = await Promise.all([cookies(), headers(), currentBuyer()]);
  const locale = resolveLocale({
    session: buyer?.locale,
    chosen: jar.get(localeCookie)?.value,
    acceptLanguage: head.get("accept-language"),
  });
  const display = displayPreferences({
    channel: buyer?.channel,
    zone: jar.get(zoneCookie)?.value,
    currency: jar.get(currencyCookie)?.value,
  });
  return { locale, ...display };
}
