export { catalogues, codeArgs, type MessageKey, type Messages, type Translate, translator } from "./catalogue";
export { currencies, displayPreferences, type Formats, formatsFor, instantOfWallTime, isTimeZone } from "./display";
export { cloudFailureText, failureText } from "./failure";
export { type Locale, locales, matchLocale, resolveLocale } from "./locales";
