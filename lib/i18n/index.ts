export { locales, pickLocale, translator, type Locale, type MessageKey } from "./messages";
