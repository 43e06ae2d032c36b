import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { createDatabase, type Database, readAsTenant, withTenant } from "./index";

// Derived from the database, so a new table is covered without anyone remembering:
// a tenant-owned table is `tenants` or one whose NOT NULL tenant_id names its tenant
// (platform tables such as gateway_traces may mention a tenant, nullably).
let tenantTables: string[] = [];
let allTables: string[] = [];
let db: Database;
let a: TestTenant;
let b: TestTenant;
const urls = inject("dbUrls");

async function asOwnerQuery(sql: string): Promise<Record<string, unknown>[]> {
  let rows: Record<string, unknown>[] = [];
  await asRole(urls.owner, async (c) => {
    rows = (await c.query(sql)).rows;
  });
  return rows;
}

async function asRole(url: string, fn: (c: pg.Client) => Promise<void>) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await fn(c);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  await asRole(urls.owner, async (c) => {
    const tables = await c.query<{ name: string; tenant_owned: boolean }>(
      `SELECT cls.relname AS name,
              cls.relname = 'tenants' OR EXISTS (
                SELECT 1 FROM pg_attribute att
                WHERE att.attrelid = cls.oid AND att.attname = 'tenant_id' AND att.attnotnull AND NOT att.attisdropped) AS tenant_owned
       FROM pg_class cls JOIN pg_namespace ns ON ns.oid = cls.relnamespace
       WHERE ns.nspname = 'public' AND cls.relkind IN ('r', 'p') AND NOT cls.relispartition
       ORDER BY cls.relname`,
    );
    allTables = tables.rows.map((t) => t.name);
    tenantTables = tables.rows.filter((t) => t.tenant_owned).map((t) => t.name);
  });
  db = createDatabase(urls, 2);
  a = await createTenant(db.platformDb);
  b = await createTenant(db.platformDb);
  await db.platformDb.auditEvent.create({ data: { tenantId: b.id, actorUid: "x", action: "seeded", target: "t" } });
});
afterAll(() => db.close());

describe("row-level security, at the database", () => {
  it("finds the tenant tables in the database itself", () => {
    expect(tenantTables).toEqual(expect.arrayContaining(["tenants", "memberships", "subscriptions", "audit_events", "cloud_access"]));
    expect(tenantTables).not.toContain("gateway_traces");
    expect(tenantTables).not.toContain("staff");
  });

  it("app with no tenant set sees zero rows in every tenant table, without an error", async () => {
    await asRole(urls.app, async (c) => {
      for (const table of tenantTables) {
        const { rows } = await c.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect([table, rows[0].n]).toEqual([table, 0]);
      }
    });
  });

  it("app inside withTenant sees only that tenant's rows", async () => {
    const seen = await withTenant(db.appPool, a.id, async (tx) => ({
      tenants: await tx.query`SELECT id FROM tenants`,
      audit: await tx.query`SELECT tenant_id FROM audit_events`,
    }));
    expect(seen.tenants).toEqual([{ id: a.id }]);
    expect(seen.audit).toEqual([]);
  });

  it("the first statement, sent with BEGIN and set_config, already runs under the tenant's policy", async () => {
    const uid = "o'brien \\ -- ; DROP TABLE tenants";
    await db.platformDb.membership.create({ data: { tenantId: a.id, uid, role: "viewer" } });
    const first = await withTenant(db.appPool, a.id, (tx) => tx.query`SELECT tenant_id, uid FROM memberships WHERE uid = ${uid}`);
    expect(first).toEqual([{ tenant_id: a.id, uid }]);
    const all = await withTenant(db.appPool, b.id, (tx) => tx.query`SELECT tenant_id FROM memberships WHERE uid <> ${"none"}`);
    expect(all.every((r) => r.tenant_id === b.id)).toBe(true);
  });

  it("rolls back everything when the work fails", async () => {
    await expect(
      withTenant(db.appPool, a.id, async (tx) => {
        await tx.execute`UPDATE tenants SET display_name = 'half-done' WHERE id = ${a.id}`;
        throw new Error("fails midway");
      }),
    ).rejects.toThrow("fails midway");
    expect((await db.platformDb.tenant.findUniqueOrThrow({ where: { id: a.id } })).displayName).not.toBe("half-done");
  });

  it("refuses a tenant id that is not a uuid before touching the database", async () => {
    await expect(withTenant(db.appPool, "x'); DROP TABLE tenants; --", async () => 1)).rejects.toThrow(/not a uuid/);
  });

  it("app cannot insert a row for another tenant", async () => {
    await expect(
      withTenant(
        db.appPool,
        a.id,
        (tx) => tx.execute`INSERT INTO audit_events (tenant_id, actor_uid, action, target) VALUES (${b.id}, 'evil', 'x', 'y')`,
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("app cannot update or delete another tenant's rows (they are invisible)", async () => {
    const changed = await withTenant(db.appPool, a.id, (tx) => tx.execute`UPDATE tenants SET display_name = 'hijacked' WHERE id = ${b.id}`);
    expect(changed).toBe(0);
    const removed = await withTenant(db.appPool, a.id, (tx) => tx.execute`DELETE FROM memberships WHERE tenant_id = ${b.id}`);
    expect(removed).toBe(0);
    expect(await db.platformDb.membership.count({ where: { tenantId: b.id } })).toBe(1);
    expect((await db.platformDb.tenant.findUniqueOrThrow({ where: { id: b.id } })).displayName).not.toBe("hijacked");
  });

  it("the tenant setting does not leak to the next transaction on a pooled connection", async () => {
    const onePool = createDatabase(urls, 1);
    expect(await withTenant(onePool.appPool, a.id, (tx) => tx.query`SELECT id FROM tenants`)).toHaveLength(1);
    const { rows } = await onePool.appPool.query("SELECT count(*)::int AS n FROM tenants");
    await onePool.close();
    expect(rows[0].n).toBe(0);
  });

  it("app is not owner, superuser or BYPASSRLS, and owns no table", async () => {
    await asRole(urls.app, async (c) => {
      const { rows } = await c.query(
        "SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user",
      );
      expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
      const owned = await c.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user");
      expect(owned.rows).toEqual([]);
    });
  });

  it("every tenant table has tenant_id in its primary key, unique constraints and foreign keys (Citus-ready)", async () => {
    await asRole(urls.owner, async (c) => {
      const { rows } = await c.query<{ table: string; name: string; type: string; has_tenant: boolean }>(
        `SELECT rel.relname AS table, con.conname AS name, con.contype AS type,
                bool_or(att.attname IN ('tenant_id')) OR (rel.relname = 'tenants' AND con.contype = 'p') AS has_tenant
         FROM pg_constraint con
         JOIN pg_class rel ON rel.oid = con.conrelid
         JOIN pg_attribute att ON att.attrelid = rel.oid AND att.attnum = ANY(con.conkey)
         WHERE rel.relname = ANY($1) AND con.contype IN ('p', 'u', 'f') AND NOT (rel.relname = 'tenants' AND con.contype = 'u')
         GROUP BY rel.relname, con.conname, con.contype, rel.relname`,
        [tenantTables],
      );
      expect(rows.length).toBeGreaterThanOrEqual(tenantTables.length * 2 - 1);
      expect(rows.filter((r) => !r.has_tenant)).toEqual([]);
    });
  });

  it("every tenant table has row-level security enabled and forced", async () => {
    await asRole(urls.owner, async (c) => {
      const { rows } = await c.query(
        "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY($1) ORDER BY relname",
        [tenantTables],
      );
      expect(rows).toHaveLength(tenantTables.length);
      for (const r of rows) expect(r).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
    });
  });

  it("ops_ro reads across tenants, never a password hash", async () => {
    await asRole(urls.opsRo, async (c) => {
      const { rows } = await c.query("SELECT count(*)::int AS n FROM tenants WHERE id = ANY($1::uuid[])", [[a.id, b.id]]);
      expect(rows[0].n).toBe(2);
      await expect(c.query("SELECT password_hash FROM staff")).rejects.toThrow(/permission denied/);
    });
  });

  it("ops_ro cannot INSERT, UPDATE or DELETE in any table: Postgres refuses each", async () => {
    const written: string[] = [];
    await asRole(urls.opsRo, async (c) => {
      for (const table of allTables) {
        const firstColumn = (await asOwnerQuery(`SELECT attname FROM pg_attribute WHERE attrelid = '${table}'::regclass AND attnum = 1`))[0]
          ?.attname as string;
        for (const sql of [
          `INSERT INTO ${table} DEFAULT VALUES`,
          `UPDATE ${table} SET ${firstColumn} = ${firstColumn}`,
          `DELETE FROM ${table}`,
          `TRUNCATE ${table}`,
        ]) {
          const outcome = await c.query(sql).then(
            () => "done",
            (err: { code?: string }) => err.code,
          );
          if (outcome !== "42501") written.push(`${sql}: ${outcome}`);
        }
      }
    });
    expect(allTables.length).toBeGreaterThan(8);
    expect(written).toEqual([]);
  });

  it("app cannot read staff or traces, nor create tenants", async () => {
    await asRole(urls.app, async (c) => {
      await expect(c.query("SELECT * FROM staff")).rejects.toThrow(/permission denied/);
      await expect(c.query("SELECT * FROM gateway_traces")).rejects.toThrow(/permission denied/);
      await expect(c.query("INSERT INTO tenants (channel, external_id, display_name) VALUES ('direct', 'x', 'x')")).rejects.toThrow(
        /permission denied/,
      );
    });
  });

  it("audit events are append-only for app", async () => {
    await asRole(urls.app, async (c) => {
      await c.query("BEGIN");
      await c.query("SELECT set_config('app.tenant_id', $1, true)", [b.id]);
      await expect(c.query("UPDATE audit_events SET action = 'rewritten'")).rejects.toThrow(/permission denied/);
      await c.query("ROLLBACK");
    });
  });
});

describe("readAsTenant", () => {
  it("sees only the tenant's rows, statement after statement, and leaves nothing set on the connection", async () => {
    const onePool = createDatabase(urls, 1);
    const seen = await readAsTenant(onePool.appPool, a.id, async (tx) => [
      await tx.query`SELECT id FROM tenants`,
      await tx.query`SELECT id FROM tenants WHERE id = ANY(${[a.id, b.id]}::uuid[])`,
      await tx.query`SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = ${b.id}`,
    ]);
    const { rows } = await onePool.appPool.query("SELECT current_setting('app.tenant_id', true) AS t, count(*)::int AS n FROM tenants");
    await onePool.close();
    expect(seen).toEqual([[{ id: a.id }], [{ id: a.id }], [{ n: 0 }]]);
    expect(rows[0]).toEqual({ t: "", n: 0 });
  });

  it("keeps the connection usable after a failing statement", async () => {
    const onePool = createDatabase(urls, 1);
    await expect(readAsTenant(onePool.appPool, a.id, (tx) => tx.query`SELECT 1/0`)).rejects.toThrow(/division by zero/);
    expect(await readAsTenant(onePool.appPool, a.id, (tx) => tx.query`SELECT count(*)::int AS n FROM tenants`)).toEqual([{ n: 1 }]);
    await onePool.close();
  });

  it("refuses writes: a read action cannot change anything", async () => {
    await expect(
      readAsTenant(db.appPool, a.id, (tx) => tx.execute`UPDATE tenants SET display_name = ${"x"} WHERE id = ${a.id}`),
    ).rejects.toThrow(/read-only transaction/);
    await expect(
      readAsTenant(
        db.appPool,
        a.id,
        (tx) => tx.execute`INSERT INTO audit_events (tenant_id, actor_uid, action, target) VALUES (${a.id}, 'x', 'x', 'x')`,
      ),
    ).rejects.toThrow(/read-only transaction/);
  });
});
