import { invalid } from "./errors";

const base64url = /^[A-Za-z0-9_-]*$/;
const forbiddenKeys = new Set(["__proto__", "constructor", "prototype"]);
const maxDepth = 8;

/**
 * Decodes an unpadded base64url UTF-8 JSON object strictly: canonical base64url
 * only, valid UTF-8, a plain object at the top, no prototype-polluting keys,
 * nesting at most 8 deep, and text Postgres can store: no NUL character and no
 * lone surrogate (JSON's \u escapes can carry both) in any key or string, so
 * every text field of every action is covered. Anything else is
 * InvalidParameter naming the field.
 */
export function decodeJsonObject(field: string, encoded: string): Record<string, unknown> {
  if (!base64url.test(encoded) || encoded.length % 4 === 1) throw invalid(`${field} is not base64url without padding`);
  const bytes = Buffer.from(encoded, "base64url");
  if (bytes.toString("base64url") !== encoded) throw invalid(`${field} is not canonical base64url`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalid(`${field} is not UTF-8`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid(`${field} is not JSON`);
  }
  if (!isPlainObject(value)) throw invalid(`${field} must be a JSON object`);
  checkJsonValue(field, value);
  return value;
}

/**
 * A parsed JSON value fit to store and use: no prototype-polluting keys,
 * nesting at most 8 deep, no NUL and no lone surrogate in any key or string.
 * InvalidParameter naming the field otherwise. For every JSON body Skyport
 * takes in, whatever its door.
 */
export function checkJsonValue(field: string, value: unknown) {
  checkShape(field, value, 1);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkShape(field: string, value: unknown, depth: number) {
  if (typeof value === "string") return checkText(field, value);
  if (typeof value !== "object" || value === null) return;
  if (depth > maxDepth) throw invalid(`${field} is nested deeper than ${maxDepth} levels`);
  if (Array.isArray(value)) {
    for (const item of value) checkShape(field, item, depth + 1);
    return;
  }
  for (const key of Object.keys(value)) {
    checkText(field, key);
    if (forbiddenKeys.has(key)) throw invalid(`${field} contains the forbidden key "${key}"`);
    checkShape(field, (value as Record<string, unknown>)[key], depth + 1);
  }
}

function checkText(field: string, text: string) {
  if (text.includes("\u0000")) throw invalid(`${field} contains a NUL character`);
  if (!text.isWellFormed()) throw invalid(`${field} contains a lone UTF-16 surrogate`);
}
