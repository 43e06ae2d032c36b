import PgBoss from "pg-boss";
import type { Config } from "../config";
import type { PrismaClient } from "../db";
import type { Logger } from "../log";
import { purgeReleasedTenants } from "./purge-released-tenants";

export { purgeReleasedTenants };

export const queues = { purgeReleasedTenants: "purge-released-tenants" } as const;

export type Jobs = { boss: PgBoss; stop: () => Promise<void> };

/**
 * The job queue on Postgres (pg-boss). pg-boss installs and migrates its own
 * `pgboss` schema, so it connects as the owner; the jobs' work on tenant
 * data goes through platformDb like any platform work.
 */
export async function startJobs(deps: { ownerUrl: string; platformDb: PrismaClient; config: Config; log: Logger }): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: deps.ownerUrl, max: 2 });
  boss.on("error", (err) => deps.log.error({ err }, "job queue error"));
  await boss.start();
  await boss.createQueue(queues.purgeReleasedTenants);
  await boss.schedule(queues.purgeReleasedTenants, "17 3 * * *", {}, { tz: "UTC" });
  await boss.work(queues.purgeReleasedTenants, async () => {
    const purged = await purgeReleasedTenants(deps.platformDb, { graceDays: deps.config.RELEASE_GRACE_DAYS, now: new Date() });
    deps.log.info({ purged: purged.length }, "released tenants purged");
  });
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}
