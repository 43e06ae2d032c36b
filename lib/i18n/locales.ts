export const locales = ["en", "zh-CN"] as const;
export type Locale = (typeof locales)[number];
const defaultLocale: Locale = "en";

/** The supported locale a BCP 47 tag asks for: any Chinese is zh-CN, any English en. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const lang = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (lang === "zh") return "zh-CN";
  if (lang === "en") return "en";
  return undefined;
}

/** The first supported language of an Accept-Language header, by its q-values. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | undefined {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .slice(0, 20)
    .map((part, i) => {
      const [tag = "", ...params] = part.split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag, q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return undefined;
}

/**
 * The viewer's language, in the order the product promises: the buyer's
 * locale from the console (the gateway's userinfo.locale, kept in the
 * session), then the language switcher's choice, then the browser's.
 */
export function resolveLocale(viewer: {
  session?: string | undefined;
  chosen?: string | undefined;
  acceptLanguage?: string | null;
}): Locale {
  return matchLocale(viewer.session) ?? matchLocale(viewer.chosen) ?? negotiateLocale(viewer.acceptLanguage) ?? defaultLocale;
}
