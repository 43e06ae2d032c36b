import { PgBoss } from "pg-boss";
import type { MeteringChannel } from "../billing";
import type { AliyunAccessConfig, AwsAccessConfig } from "../cloud";
import type { Config } from "../config";
import type { PrismaClient } from "../db";
import type { Logger } from "../log";
import { maintainTracePartitions } from "./maintain-trace-partitions";
import { meterUsage } from "./meter-usage";
import { purgeReleasedTenants } from "./purge-released-tenants";
import { type ReconcileAliyunDeps, reconcileAliyun, reconcileAliyunInstances } from "./reconcile-aliyun";
import { reverifyCloudAccess } from "./reverify-cloud-access";

export type { ReconcileAliyunDeps };
export { maintainTracePartitions, meterUsage, purgeReleasedTenants, reconcileAliyun, reconcileAliyunInstances, reverifyCloudAccess };

export const queues = {
  maintainTracePartitions: "maintain-trace-partitions",
  meterUsage: "meter-usage",
  purgeReleasedTenants: "purge-released-tenants",
  reconcileAliyun: "reconcile-aliyun",
  reverifyCloudAccess: "reverify-cloud-access",
  verifyPendingCloudAccess: "verify-pending-cloud-access",
} as const;

export type Jobs = { boss: PgBoss; stop: () => Promise<void> };

/**
 * The job queue on Postgres (pg-boss). pg-boss installs and migrates its own
 * `pgboss` schema, so it connects as the owner; the jobs' work on tenant
 * data goes through platformDb like any platform work.
 */
export type JobDeps = {
  ownerUrl: string;
  platformDb: PrismaClient;
  config: Config;
  /** the SPI's dependencies and the Market OpenAPI, when known; unset: the Alibaba reconcile does not run */
  aliyun: ReconcileAliyunDeps | undefined;
  cloud: { aliyun?: AliyunAccessConfig | undefined; aws?: AwsAccessConfig | undefined };
  /** the channels usage is pushed to (lib/runtime/metering-channels.ts) */
  metering: readonly MeteringChannel[];
  log: Logger;
  /** true, after reporting it once per interval, when err means the database is unreachable */
  reportOutage: (by: string, err: unknown) => boolean;
};

async function scheduleMetering(boss: PgBoss, deps: JobDeps) {
  await boss.createQueue(queues.meterUsage);
  await boss.schedule(queues.meterUsage, "* * * * *", {}, { tz: "UTC" });
  await boss.work(queues.meterUsage, async () => {
    const report = await meterUsage({
      platformDb: deps.platformDb,
      channels: deps.metering,
      leaseMs: deps.config.METERING_LEASE_SECONDS * 1000,
      now: () => new Date(),
    });
    if (
      report.aggregated.hours ||
      report.aggregated.final ||
      Object.values(report.pushed).some((p) => p && ("error" in p || p.sent || p.dead))
    )
      deps.log.info(report, "usage metered");
  });
}

export async function startJobs(deps: JobDeps): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: deps.ownerUrl, max: 2 });
  // code and message only: pg-boss attaches its pg client to the error
  boss.on("error", (err: Error & { code?: string }) => {
    // every worker's poll fails while the database is down: one outage, not a line per poll
    if (!deps.reportOutage("job queue", err)) deps.log.error({ code: err.code, message: err.message }, "job queue error");
  });
  await boss.start();
  // before the first trace of a start that follows days without any instance running
  const maintainTraces = async () =>
    deps.log.info(
      await maintainTracePartitions(deps.platformDb, { retentionDays: deps.config.TRACE_RETENTION_DAYS, now: new Date() }),
      "trace partitions maintained",
    );
  await maintainTraces();
  await boss.createQueue(queues.maintainTracePartitions);
  await boss.schedule(queues.maintainTracePartitions, "7 * * * *", {}, { tz: "UTC" });
  await boss.work(queues.maintainTracePartitions, maintainTraces);
  await boss.createQueue(queues.purgeReleasedTenants);
  await boss.schedule(queues.purgeReleasedTenants, "17 3 * * *", {}, { tz: "UTC" });
  await boss.work(queues.purgeReleasedTenants, async () => {
    const purged = await purgeReleasedTenants(deps.platformDb, { graceDays: deps.config.RELEASE_GRACE_DAYS, now: new Date() });
    deps.log.info({ purged: purged.length }, "released tenants purged");
  });

  // no channel, nothing to bill: the ledger is left as it is (a test's or a tool's jobs)
  if (deps.metering.length) await scheduleMetering(boss, deps);

  const aliyun = deps.aliyun;
  if (aliyun) {
    await boss.createQueue(queues.reconcileAliyun);
    await boss.schedule(queues.reconcileAliyun, "*/15 * * * *", {}, { tz: "UTC" });
    await boss.work(queues.reconcileAliyun, async () => {
      deps.log.info(await reconcileAliyun(aliyun), "alibaba marketplace reconciled");
    });
  } else {
    deps.log.warn("ALIYUN_MARKET_ENDPOINT unset: the Alibaba reconcile job does not run");
  }
  const endpoints = deps.cloud;
  await boss.createQueue(queues.reverifyCloudAccess);
  await boss.schedule(queues.reverifyCloudAccess, "43 4 * * *", {}, { tz: "UTC" });
  await boss.work(queues.reverifyCloudAccess, async () => {
    deps.log.info(await reverifyCloudAccess(deps.platformDb, endpoints), "cloud access re-verified");
  });
  // a role recorded at purchase (or bound) is verified within minutes, not at the next daily run
  await boss.createQueue(queues.verifyPendingCloudAccess);
  await boss.schedule(queues.verifyPendingCloudAccess, "*/10 * * * *", {}, { tz: "UTC" });
  await boss.work(queues.verifyPendingCloudAccess, async () => {
    deps.log.info(await reverifyCloudAccess(deps.platformDb, endpoints, true), "pending cloud access verified");
  });
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}
