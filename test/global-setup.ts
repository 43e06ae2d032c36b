import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import type { DatabaseUrls } from "../lib/db";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { freePort } from "./free-port";

declare module "vitest" {
  export interface ProvidedContext {
    dbUrls: DatabaseUrls;
  }
}

/**
 * One throwaway Postgres for the whole run, on a free loopback port under
 * .data/test-<pid>; tests never touch anything they did not start. Each test
 * makes its own tenants with random keys, so files run in parallel.
 */
export default async function setup(project: TestProject) {
  const dataDir = path.resolve(".data", `test-${process.pid}`);
  const db = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  await migrate(db.urls);
  project.provide("dbUrls", db.urls);
  return async () => {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
