import { z } from "zod";

/**
 * Where a page of a list ended: its last row's sort key, as text, and id.
 * The next page is the rows after it in (key, id) order, so a row added or
 * removed meanwhile moves no other row to another page, and rows that share
 * a key are neither skipped nor shown twice.
 */
export type PageMark = { key: string; id: string };

/**
 * Rows fetched with `LIMIT pageSize + 1`: the page, and the nextToken that
 * names its last row when more rows follow (null: the last page).
 */
export function pageOf<R>(rows: R[], pageSize: number, markOf: (row: R) => PageMark): { page: R[]; nextToken: string | null } {
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  if (rows.length <= pageSize || !last) return { page, nextToken: null };
  const { key, id } = markOf(last);
  return { page, nextToken: Buffer.from(JSON.stringify([key, id])).toString("base64url") };
}

/**
 * The `nextToken` param of a list sorted by keys that pass `isKey`: read into
 * its mark while the params are checked, so that a malformed token is
 * refused (InvalidParameter, naming it) before the action does any work.
 * Long enough for a 255-character hostname in any script.
 */
export const pageTokenParam = (isKey: (key: string) => boolean) =>
  z
    .string()
    .max(2_000)
    .transform((token, ctx) => {
      const mark = readMark(token, isKey);
      if (!mark) ctx.addIssue({ code: "custom", message: "malformed: pass the nextToken of the previous page" });
      return mark as PageMark;
    })
    .optional();

function readMark(token: string, isKey: (key: string) => boolean): PageMark | undefined {
  try {
    const [key, id] = JSON.parse(Buffer.from(token, "base64url").toString()) as unknown[];
    // a NUL, which Postgres text cannot hold, is no key of any list
    if (typeof key === "string" && !key.includes("\u0000") && isKey(key) && typeof id === "string" && z.uuid().safeParse(id).success)
      return { key, id };
  } catch {}
  return undefined;
}

/** A time as a page key: exactly what `toISOString` writes, of a year Postgres takes (year 0 it does not). */
export function isInstant(key: string): boolean {
  const d = new Date(key);
  return !Number.isNaN(d.getTime()) && d.toISOString() === key && d.getUTCFullYear() >= 1;
}

/** A text as a page key (a hostname): any. */
export const isText = (_key: string) => true;
