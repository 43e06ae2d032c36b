import { createUsageIngest } from "../billing";
import type { Config } from "../config";
import type { Database } from "../db";
import type { Logger } from "../log";

/** The usage endpoint (/api/usage/v1/events) on the fast path, from the process runtime. */
export function usageDoor(runtime: { config: Config; db: Database; log: Logger; reportOutage: (by: string, err: unknown) => boolean }) {
  const { config, db, log, reportOutage } = runtime;
  return createUsageIngest({
    pool: db.platformPool,
    keys: config.USAGE_KEYS,
    limit: { perSecond: config.USAGE_RPS, burst: config.USAGE_BURST },
    log,
    reportOutage,
  });
}
