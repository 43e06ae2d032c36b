import { createTranslator, type MessageKeys, type NestedKeyOf } from "use-intl/core";
import type { Locale } from "./locales";
import en from "./messages/en.json" with { type: "json" };
import zhCN from "./messages/zh-CN.json" with { type: "json" };

/** The English catalogue is the reference: its shape types every key; zh-CN must have the same keys. */
export type Messages = typeof en;
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

export const catalogues: Record<Locale, Messages> = { en, "zh-CN": zhCN };

/** A translator outside React (route handlers' HTML, tests); pages use next-intl's. */
export const translator = (locale: Locale) => createTranslator({ locale, messages: catalogues[locale] });

export type Translate = ReturnType<typeof translator>;

/**
 * The arguments of a code's label (`labels.orderEvent`, `labels.auditAction`,
 * ...): ICU select keys allow no dots or dashes, so `cloud.link.created` is
 * selected as `cloud_link_created`; a code without a label shows as itself.
 */
export const codeArgs = (code: string) => ({ value: code.replace(/[^A-Za-z0-9_]/g, "_"), code });
