import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { errorStatus } from "../gateway";
import { catalogues, codeArgs, translator } from "./catalogue";
import { locales } from "./locales";

const root = path.resolve(import.meta.dirname, "../..");

/** Every source file a key could be used from (the catalogues and tests excluded). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "generated" || name === "messages" ? [] : sources(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}
const code = ["app", "components", "lib"].flatMap((d) => sources(path.join(root, d))).map((f) => readFileSync(f, "utf8"));
const codeText = code.join("\n");

function flatten(messages: object, prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(messages).flatMap(([k, v]) =>
      typeof v === "string" ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v, `${prefix}${k}.`)),
    ),
  );
}
const flat = Object.fromEntries(locales.map((l) => [l, flatten(catalogues[l])])) as Record<
  (typeof locales)[number],
  Record<string, string>
>;
const keys = Object.keys(flat.en);

/** The arguments a message takes (names and kinds), from its ICU syntax tree. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    if (e.type === TYPE.tag) argumentsOf(e.children, into.add(`<${e.value}>`));
    else into.add(e.value);
    if (e.type === TYPE.select || e.type === TYPE.plural) for (const option of Object.values(e.options)) argumentsOf(option.value, into);
  }
  return into;
}

/** String literals of the source that match a pattern's first group. */
const literals = (pattern: RegExp, text = codeText) => [...text.matchAll(pattern)].map((m) => m[1] as string);

describe("the message catalogues", () => {
  it("have the same keys in every language", () => {
    for (const locale of locales) expect(Object.keys(flat[locale]).sort(), locale).toEqual([...keys].sort());
  });

  it("parse as ICU, and each message takes the same arguments in every language", () => {
    for (const key of keys) {
      const [en, ...others] = locales.map((l) => [...argumentsOf(parse(flat[l][key] as string))].sort());
      for (const other of others) expect(other, key).toEqual(en);
    }
  });

  it("has no key the code never uses (reasons.* are named by the actions, without the prefix)", () => {
    const unused = keys.filter((key) =>
      key.startsWith("reasons.") ? !codeText.includes(`"${key.slice("reasons.".length)}"`) : !codeText.includes(`"${key}"`),
    );
    expect(unused).toEqual([]);
  });

  it("has a message for every reason key an action gives", () => {
    const actions = sources(path.join(root, "lib/actions")).map((f) => readFileSync(f, "utf8"));
    const given = actions.flatMap((text) => literals(/key:\s*(?:[^,}]*\?\s*)?"([\w.]+)"(?:\s*:\s*"([\w.]+)")?/g, text));
    const ternaries = actions.flatMap((text) => literals(/key:\s*[^,}]*\?\s*"[\w.]+"\s*:\s*"([\w.]+)"/g, text));
    expect(given.length).toBeGreaterThan(5);
    for (const key of [...given, ...ternaries]) expect(keys, key).toContain(`reasons.${key}`);
  });

  it("labels every gateway error code, order event and audit action the code writes (none falls back to the raw code)", () => {
    const events = literals(/(?:record|recordOrder)\(tx, sub, "([\w-]+)"/g).concat(
      literals(/action === "([\w-]+)"/g, sourceOf("lib/marketplace/aws")),
    );
    const audits = literals(/action: "([a-z]+\.[a-z.]+)"/g);
    expect(events).toContain("createInstance");
    expect(events).toContain("unsubscribe-success");
    expect(audits).toContain("cloud.link.created");
    for (const locale of locales) {
      const t = translator(locale);
      for (const e of events) expect(t("labels.orderEvent", codeArgs(e)), `${locale} ${e}`).not.toBe(e);
      for (const a of audits) expect(t("labels.auditAction", codeArgs(a)), `${locale} ${a}`).not.toBe(a);
      for (const c of Object.keys(errorStatus)) expect(flat[locale][`errors.${c}`], `${locale} ${c}`).toBeTruthy();
      expect(t("labels.orderEvent", codeArgs("someFutureEvent"))).toBe("someFutureEvent");
    }
  });
});

function sourceOf(dir: string) {
  return sources(path.join(root, dir))
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
}
