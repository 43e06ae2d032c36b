import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { type DatabaseUrls, roleNames } from "./urls";

const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

export type MigrationResult = { applied: string[]; alreadyApplied: number };

/**
 * Creates the three request roles (passwords taken from their URLs), then
 * applies each pending `prisma/migrations/<name>/migration.sql` in its own
 * transaction and records it in `_prisma_migrations` as Prisma would. An
 * applied migration whose file changed since is an error, not a silent skip.
 */
export async function migrate(urls: DatabaseUrls, dir = migrationsDir): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: urls.owner });
  await client.connect();
  try {
    // day bounds the migrations compute (the trace partitions') are UTC days, not the server's: in a zone
    // with summer time, a day that adds an hour would leave a gap no partition covers
    await client.query("SET TIME ZONE 'UTC'");
    await client.query("SELECT pg_advisory_lock(hashtext('skyport_migrate'))");
    await bootstrapRoles(client, urls);
    await client.query(`CREATE TABLE IF NOT EXISTS _prisma_migrations (
      id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz,
      migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz,
      started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)`);
    const done = new Map<string, string>(
      (
        await client.query<{ migration_name: string; checksum: string }>(
          "SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
        )
      ).rows.map((r) => [r.migration_name, r.checksum]),
    );
    const applied: string[] = [];
    for (const name of readdirSync(dir)
      .filter((n) => /^\d{14}_\w+$/.test(n))
      .sort()) {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const recorded = done.get(name);
      if (recorded === checksum) continue;
      if (recorded) throw new Error(`migration ${name} was changed after it was applied; add a new migration instead`);
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)",
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${(err as Error).message}`);
      }
      applied.push(name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.end();
  }
}

/** Roles are cluster-wide: create them when missing, and keep them unprivileged. */
async function bootstrapRoles(client: pg.Client, urls: DatabaseUrls) {
  const roles = [
    [roleNames.app, urls.app],
    [roleNames.platform, urls.platform],
    [roleNames.opsRo, urls.opsRo],
  ] as const;
  for (const [role, url] of roles) {
    const login = new URL(url);
    if (decodeURIComponent(login.username) !== role)
      throw new Error(`the ${role} database URL must log in as role "${role}" (got "${login.username}")`);
    const exists = (await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount;
    if (!exists) await client.query(`CREATE ROLE ${client.escapeIdentifier(role)}`);
    const password = login.password ? ` PASSWORD ${client.escapeLiteral(decodeURIComponent(login.password))}` : "";
    await client.query(`ALTER ROLE ${client.escapeIdentifier(role)} WITH LOGIN${password}`);
    // checked rather than set: changing these needs a superuser, which a managed owner is not
    const { rows } = await client.query("SELECT rolsuper OR rolbypassrls AS unsafe FROM pg_roles WHERE rolname = $1", [role]);
    if (rows[0]?.unsafe) throw new Error(`role ${role} is a superuser or has BYPASSRLS: row-level security would not apply to it`);
  }
  const db = (await client.query<{ db: string }>("SELECT current_database() AS db")).rows[0]?.db ?? "";
  await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(db)} TO app, platform, ops_ro`);
}
