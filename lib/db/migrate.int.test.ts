import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrate } from "./migrate";

const urls = inject("dbUrls");
const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
const probe = `probe_${process.pid}_${Date.now()}`;
const name = `29991231235959_${probe}`;

async function owner<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: urls.owner });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  await owner(async (c) => {
    await c.query(`DROP SCHEMA IF EXISTS ${probe}`);
    await c.query("DELETE FROM _prisma_migrations WHERE migration_name = $1", [name]);
  });
  rmSync(dir, { recursive: true, force: true });
});

describe("the SQL migrator", () => {
  it("applies a new migration once, records it, and is a no-op the second time", async () => {
    cpSync(path.resolve("prisma/migrations"), dir, { recursive: true });
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), `CREATE SCHEMA ${probe};`);
    expect((await migrate(urls, dir)).applied).toEqual([name]);
    expect((await migrate(urls, dir)).applied).toEqual([]);
    const recorded = await owner((c) => c.query("SELECT finished_at FROM _prisma_migrations WHERE migration_name = $1", [name]));
    expect(recorded.rows).toHaveLength(1);
    expect(recorded.rows[0].finished_at).not.toBeNull();
  });

  it("runs migrations in UTC, whatever the server's default zone", async () => {
    const zoned = `29991231235961_${probe}_zone`;
    const zoneDir = mkdtempSync(path.join(tmpdir(), "migrations-zone-"));
    mkdirSync(path.join(zoneDir, zoned));
    writeFileSync(path.join(zoneDir, zoned, "migration.sql"), `CREATE TABLE ${probe}_zone AS SELECT current_setting('TimeZone') AS zone;`);
    const options = `options=${encodeURIComponent("-c TimeZone=America/New_York")}`;
    const inNewYork = { ...urls, owner: `${urls.owner}${urls.owner.includes("?") ? "&" : "?"}${options}` };
    try {
      expect((await migrate(inNewYork, zoneDir)).applied).toEqual([zoned]);
      expect((await owner((c) => c.query(`SELECT zone FROM ${probe}_zone`))).rows).toEqual([{ zone: "UTC" }]);
    } finally {
      await owner(async (c) => {
        await c.query(`DROP TABLE IF EXISTS ${probe}_zone`);
        await c.query("DELETE FROM _prisma_migrations WHERE migration_name = $1", [zoned]);
      });
      rmSync(zoneDir, { recursive: true, force: true });
    }
  });

  it("refuses to run when an applied migration was edited", async () => {
    writeFileSync(path.join(dir, name, "migration.sql"), `CREATE SCHEMA ${probe}; -- edited`);
    await expect(migrate(urls, dir)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls back a failing migration and records nothing", async () => {
    const bad = `29991231235960_${probe}_bad`;
    const badDir = mkdtempSync(path.join(tmpdir(), "migrations-bad-"));
    mkdirSync(path.join(badDir, bad));
    writeFileSync(path.join(badDir, bad, "migration.sql"), `CREATE SCHEMA ${probe}_bad; SELECT no_such_function();`);
    await expect(migrate(urls, badDir)).rejects.toThrow(/failed/);
    const left = await owner((c) => c.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [`${probe}_bad`]));
    expect(left.rowCount).toBe(0);
    rmSync(badDir, { recursive: true, force: true });
  });

  it("keeps the traces from before partitioning, as one partition, with ids going on from theirs", async () => {
    const database = `${probe}_traces`;
    await owner((c) => c.query(`CREATE DATABASE ${database}`));
    const onIt = Object.fromEntries(
      Object.entries(urls).map(([role, url]) => [role, url.replace("/skyport?", `/${database}?`)]),
    ) as typeof urls;
    const before = mkdtempSync(path.join(tmpdir(), "migrations-before-"));
    try {
      for (const m of readdirSync("prisma/migrations").filter((n) => n < "20261130110000"))
        cpSync(path.resolve("prisma/migrations", m), path.join(before, m), { recursive: true });
      await migrate(onIt, before);
      const c = new pg.Client({ connectionString: onIt.owner });
      await c.connect();
      try {
        await c.query(
          "INSERT INTO gateway_traces (trace_id, at, action, code, http_status, latency_ms) VALUES ('old-trace', now() - interval '3 days', 'DescribeTenant', 'OK', 200, 1)",
        );
        await migrate(onIt);
        const { rows } = await c.query(
          "SELECT tableoid::regclass::text AS partition, authenticated, id FROM gateway_traces WHERE trace_id = 'old-trace'",
        );
        expect(rows).toMatchObject([{ partition: "gateway_traces_before", authenticated: true }]);
        await c.query(
          "INSERT INTO gateway_traces (trace_id, at, action, code, http_status, latency_ms) VALUES ('new-trace', now() + interval '1 day', 'DescribeTenant', 'OK', 200, 1)",
        );
        const after = await c.query("SELECT tableoid::regclass::text AS partition, id FROM gateway_traces WHERE trace_id = 'new-trace'");
        expect(after.rows[0].partition).toMatch(/^gateway_traces_\d{8}$/);
        expect(BigInt(after.rows[0].id)).toBeGreaterThan(BigInt(rows[0].id));
      } finally {
        await c.end();
      }
    } finally {
      rmSync(before, { recursive: true, force: true });
      await owner((c) => c.query(`DROP DATABASE ${database} WITH (FORCE)`));
    }
  });
});
