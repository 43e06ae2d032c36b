import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, type Database } from "../db";
import { maintainTracePartitions } from "./index";

let db: Database;
beforeAll(() => {
  db = createDatabase(inject("dbUrls"), 2);
});
afterAll(() => db.close());

const dayMs = 86_400_000;
const ymd = (d: Date) => d.toISOString().slice(0, 10).replaceAll("-", "");

async function partitionsOf(parent: string): Promise<string[]> {
  const rows = await db.platformDb.$queryRaw<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = ${parent}::regclass ORDER BY 1`;
  return rows.map((r) => r.name);
}

class RolledBack extends Error {}

describe("trace partitions", () => {
  it("exist for today and the next two days (UTC), and a second run creates nothing", async () => {
    const now = new Date();
    await maintainTracePartitions(db.platformDb, { retentionDays: 14, now });
    const days = [1, 2].map((n) => ymd(new Date(now.getTime() + n * dayMs)));
    expect(await partitionsOf("gateway_traces")).toEqual(expect.arrayContaining(days.map((d) => `gateway_traces_${d}`)));
    expect(await partitionsOf("gateway_rejections")).toEqual(
      expect.arrayContaining([ymd(now), ...days].map((d) => `gateway_rejections_${d}`)),
    );
    expect(await maintainTracePartitions(db.platformDb, { retentionDays: 14, now })).toEqual({ created: [], dropped: [] });
  });

  it("drops the days older than the retention whole, the rows from before partitioning with them", async () => {
    // a month from now, in a transaction that is rolled back: the other test files keep today's traces
    const later = new Date(Date.now() + 30 * dayMs);
    let seen: { created: string[]; dropped: string[]; left: string[] } | undefined;
    await db.platformDb
      .$transaction(async (tx) => {
        const result = await maintainTracePartitions(tx, { retentionDays: 14, now: later });
        const left = await tx.$queryRaw<{ name: string }[]>`
          SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = 'gateway_traces'::regclass ORDER BY 1`;
        seen = { ...result, left: left.map((r) => r.name) };
        throw new RolledBack();
      })
      .catch((err) => {
        if (!(err instanceof RolledBack)) throw err;
      });
    const kept = [0, 1, 2].map((n) => ymd(new Date(later.getTime() + n * dayMs)));
    expect(seen?.dropped).toEqual(expect.arrayContaining(["gateway_traces_before", `gateway_traces_${ymd(new Date(Date.now() + dayMs))}`]));
    expect(seen?.created.sort()).toEqual([...kept.map((d) => `gateway_rejections_${d}`), ...kept.map((d) => `gateway_traces_${d}`)]);
    expect(seen?.left).toEqual(kept.map((d) => `gateway_traces_${d}`));
  });

  it("runs one at a time: instances starting together do not trip over each other's partitions", async () => {
    const far = new Date(Date.now() + 400 * dayMs).toISOString().slice(0, 10);
    const [first, second, owner] = [inject("dbUrls").platform, inject("dbUrls").platform, inject("dbUrls").owner].map(
      (connectionString) => new pg.Client({ connectionString }),
    );
    await Promise.all([first, second, owner].map((c) => c!.connect()));
    try {
      await first!.query("BEGIN");
      const made = await first!.query("SELECT created FROM maintain_gateway_partitions(NULL, 2, $1::date)", [far]);
      const waiting = second!.query("SELECT created FROM maintain_gateway_partitions(NULL, 2, $1::date)", [far]);
      await new Promise((r) => setTimeout(r, 200)); // the second is waiting for the first's lock by now
      await first!.query("COMMIT");
      expect(made.rows[0].created).toHaveLength(6);
      expect((await waiting).rows[0].created).toEqual([]);
    } finally {
      for (const name of ["gateway_traces", "gateway_rejections"])
        for (let d = 0; d <= 2; d++) await owner!.query(`DROP TABLE IF EXISTS ${name}_${ymd(new Date(Date.now() + (400 + d) * dayMs))}`);
      await Promise.all([first, second, owner].map((c) => c!.end()));
    }
  });

  it("may be run by the platform role only", async () => {
    const client = await db.appPool.connect();
    try {
      await expect(client.query("SELECT maintain_gateway_partitions(1, 0, current_date)")).rejects.toThrow(/permission denied/);
    } finally {
      client.release();
    }
  });
});
