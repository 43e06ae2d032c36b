import { getRequestConfig } from "next-intl/server";
import { catalogues, formatsFor } from "@/lib/i18n";
import { currentViewer } from "./viewer";

/** next-intl without i18n routing: the locale comes from the viewer, never from the path. */
export default getRequestConfig(async () => {
  const { locale, timeZone, currency } = await currentViewer();
  return { locale, timeZone, messages: catalogues[locale], formats: formatsFor(currency) };
});
