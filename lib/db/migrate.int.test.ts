import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
});
