import type { Logger } from "pino";

export type OutageLog = {
  /** `dependency` could not be reached: the first failure is logged, then one line per interval counting the rest */
  down(dependency: string, err: unknown, by: string): void;
  /**
   * `dependency` answered a call that began at `startedAt` (performance.now()): one line if it
   * had been down. A call begun before the outage proves nothing: it may have been answered
   * just before the failure that opened it.
   */
  up(dependency: string, startedAt: number): void;
};

/**
 * An outage is one event, not one per request: while the database is down a
 * busy gateway fails thousands of calls a second, and a line (or a stack) for
 * each would bury everything else in the log and cost more than the calls.
 */
export function createOutageLog(log: Logger, opts: { intervalMs?: number; now?: () => number } = {}): OutageLog {
  const intervalMs = opts.intervalMs ?? 10_000;
  const now = opts.now ?? (() => performance.now());
  const outages = new Map<string, { since: number; failures: number; unlogged: number; loggedAt: number }>();
  return {
    down(dependency, err, by) {
      const t = now();
      const o = outages.get(dependency);
      if (!o) {
        outages.set(dependency, { since: t, failures: 1, unlogged: 0, loggedAt: t });
        log.warn({ dependency, by, err: summarize(err) }, "dependency unavailable");
        return;
      }
      o.failures++;
      o.unlogged++;
      if (t - o.loggedAt < intervalMs) return;
      log.warn(
        { dependency, by, err: summarize(err), failures: o.unlogged, downMs: Math.round(t - o.since) },
        "dependency still unavailable",
      );
      o.loggedAt = t;
      o.unlogged = 0;
    },
    up(dependency, startedAt) {
      if (outages.size === 0) return; // the hot path: nothing is down
      const o = outages.get(dependency);
      if (!o || startedAt < o.since) return;
      outages.delete(dependency);
      log.info({ dependency, failures: o.failures, downMs: Math.round(now() - o.since) }, "dependency available again");
    },
  };
}

/** Code and the start of the message: enough to tell ENOENT from a shutdown, never a stack. */
function summarize(err: unknown): string {
  if (!(err instanceof Error)) return String(err).slice(0, 200);
  const code = (err as { code?: unknown }).code;
  return `${typeof code === "string" ? `${code} ` : ""}${err.message}`.slice(0, 200);
}
