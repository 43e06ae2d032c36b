import type { PrismaClient } from "../db";
import { decodeCursor, listTenantPage, type TenantListQuery, type TenantListRow } from "./tenant-list";

const columns: (keyof TenantListRow)[] = [
  "id",
  "displayName",
  "channel",
  "externalId",
  "status",
  "suspended",
  "plan",
  "expiresAt",
  "instanceId",
  "hosts",
  "hostsOnline",
  "hostHours",
  "cloud",
  "createdAt",
];

/**
 * One CSV field: quoted, quotes doubled, and text a spreadsheet would run as
 * a formula (=, +, -, @, tab, CR) prefixed with an apostrophe.
 */
export function csvField(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : value === null || value === undefined ? "" : String(value);
  const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export const csvLine = (row: TenantListRow) => `${columns.map((c) => csvField(row[c])).join(",")}\r\n`;

/** The filtered tenant list as CSV, streamed a keyset page at a time (memory stays flat at any size). */
export function tenantCsv(opsDb: PrismaClient, q: TenantListQuery, heartbeatSeconds: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = q.after;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${columns.join(",")}\r\n`));
      }
      const page = await listTenantPage(opsDb, { ...q, after, size: 1000 }, heartbeatSeconds);
      if (page.rows.length) controller.enqueue(encoder.encode(page.rows.map(csvLine).join("")));
      if (!page.next) return controller.close();
      after = decodeCursor(page.next);
    },
  });
}
