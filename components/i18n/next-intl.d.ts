import type { Formats, Locale, Messages } from "@/lib/i18n";

// Typed keys, locales and format names for next-intl's t() and format.*()
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
    Formats: Formats;
  }
}
