import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config";
import { type DatabaseUrls, roleNames } from "./urls";

/**
 * The role URLs from the environment, or those of the embedded Postgres that
 * `npm start` runs under DATA_DIR (for processes that did not start it).
 */
export function databaseUrls(config: Config): DatabaseUrls {
  if (config.DATABASE_URL && config.APP_DATABASE_URL && config.PLATFORM_DATABASE_URL && config.OPS_DATABASE_URL)
    return {
      owner: config.DATABASE_URL,
      app: config.APP_DATABASE_URL,
      platform: config.PLATFORM_DATABASE_URL,
      opsRo: config.OPS_DATABASE_URL,
    };
  const file = path.resolve(config.DATA_DIR, "db-secrets.json");
  if (!existsSync(file))
    throw new Error(`no DATABASE_URL and no embedded database at ${config.DATA_DIR}: run npm start, or set DATABASE_URL`);
  return embeddedUrls(JSON.parse(readFileSync(file, "utf8")), config.EMBEDDED_PG_PORT);
}

export type EmbeddedSecrets = { owner: string; app: string; platform: string; opsRo: string };

/** The embedded cluster's socket directory: a Unix socket costs ~40% less CPU per query than loopback TCP. */
export const embeddedSocketDir = "/tmp";

export function embeddedUrls(secrets: EmbeddedSecrets, port: number): DatabaseUrls {
  const url = (user: string, password: string) =>
    `postgresql://${user}:${encodeURIComponent(password)}@localhost:${port}/skyport?host=${embeddedSocketDir}`;
  return {
    owner: url("postgres", secrets.owner),
    app: url(roleNames.app, secrets.app),
    platform: url(roleNames.platform, secrets.platform),
    opsRo: url(roleNames.opsRo, secrets.opsRo),
  };
}
