import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "./clients";
import type { DatabaseUrls } from "./urls";

// a server whose default zone is not UTC, as a managed Postgres set to PRC is
const inShanghai = (url: string) => `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent("-c TimeZone=Asia/Shanghai")}`;
const db = createDatabase(
  Object.fromEntries(Object.entries(inject("dbUrls")).map(([role, url]) => [role, inShanghai(url)])) as DatabaseUrls,
  2,
);
afterAll(() => db.close());

describe("every pool's session is in UTC, whatever the server's default zone", () => {
  it("reads what the database wrote as the instant it is, and cuts days at UTC midnight", async () => {
    const [platform] = await db.platformDb.$queryRaw<{ tz: string; now: Date }[]>`SELECT current_setting('TimeZone') AS tz, now() AS now`;
    expect(platform?.tz).toBe("UTC");
    // Prisma's adapter reads an offset as UTC: in Shanghai this would be 8 hours ahead
    expect(Math.abs((platform?.now.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    const [ops] = await db.opsDb.$queryRaw<
      { day: string }[]
    >`SELECT to_char(${new Date("2026-12-01T23:30:00Z")}::timestamptz, 'YYYY-MM-DD') AS day`;
    expect(ops?.day).toBe("2026-12-01");
    const { rows } = await db.appPool.query("SELECT current_setting('TimeZone') AS tz");
    expect(rows[0].tz).toBe("UTC");
  });
});
