import { z } from "zod";
import { invalid } from "../gateway";

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
 * The mark a nextToken names; InvalidParameter for a token no action made
 * (`isKey`: whether the key is one of the list's sort keys, a time, say; a
 * NUL, which Postgres text cannot hold, never is).
 */
export function readPageToken(token: string, isKey: (key: string) => boolean): PageMark {
  try {
    const [key, id] = JSON.parse(Buffer.from(token, "base64url").toString()) as unknown[];
    if (typeof key === "string" && !key.includes("\u0000") && isKey(key) && typeof id === "string" && z.uuid().safeParse(id).success)
      return { key, id };
  } catch {}
  throw invalid("nextToken is not one this action returned");
}

/** A time as a page key: an ISO instant (what `toISOString` wrote). */
export const isInstant = (key: string) => z.iso.datetime().safeParse(key).success;
