import { z } from "zod";

/**
 * Free text from a form or a query string, trimmed and at most `max`
 * characters. Postgres refuses a NUL in text, so one is refused here, as the
 * field it is in, rather than as a 500 from the query.
 */
export const textField = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes("\u0000"), "contains a NUL character");

/**
 * A time from a query string: an instant with its offset, or a UTC day;
 * within the years Postgres and a person mean (a time with no zone would be
 * read in the server process's own zone, year 0 is no year to Postgres).
 */
export const instantField = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((s) => new Date(s))
  .refine((d) => d.getUTCFullYear() >= 1970 && d.getUTCFullYear() <= 9999, "out of range");
