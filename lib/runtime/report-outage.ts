import { isDatabaseUnavailable } from "../db";
import type { OutageLog } from "../log";

/**
 * For routes and jobs that answer a fault themselves (503, a retry): a
 * database outage goes to the outage log, once per interval, and the caller
 * is told so; anything else is the caller's to log.
 */
export function outageReporter(outage: OutageLog) {
  return (by: string, err: unknown): boolean => {
    if (!isDatabaseUnavailable(err)) return false;
    outage.down("database", err, by);
    return true;
  };
}
