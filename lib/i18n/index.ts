export { type Locale, locales, type MessageKey, pickLocale, translator } from "./messages";
