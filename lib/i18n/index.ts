export { catalogues, codeArgs, type MessageKey, type Messages, type Translate, translator } from "./catalogue";
export { type Currency, currencies, displayPreferences, type Formats, formatsFor, isTimeZone } from "./display";
export { cloudFailureText, failureText } from "./failure";
export { defaultLocale, type Locale, locales, matchLocale, negotiateLocale, resolveLocale } from "./locales";
