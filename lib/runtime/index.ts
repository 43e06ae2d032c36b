import { type ActionServices, registry } from "../actions";
import { type Config, type Endpoints, parseConfig, resolveEndpoints } from "../config";
import { createDatabase, type Database, type DatabaseUrls, databaseUrls } from "../db";
import { createGateway, type Gateway, purgeExpiredReplays } from "../gateway";
import { createLogger, createOutageLog, type Logger } from "../log";
import { createTraceWriter, type TraceWriter } from "../trace";
import { outageReporter } from "./report-outage";
import { actionServices } from "./services";

export { agentDoors } from "./agent-doors";
export { meteringChannels } from "./metering-channels";
export { aliyunReconcileDeps, aliyunSpiDeps, cloudAccessConfig } from "./services";
export { usageDoor } from "./usage-door";

export type Runtime = {
  config: Config;
  endpoints: Endpoints;
  services: ActionServices;
  db: Database;
  gateway: Gateway;
  traces: TraceWriter;
  log: Logger;
  /** true, after reporting it once per interval, when err means the database is unreachable */
  reportOutage: (by: string, err: unknown) => boolean;
  close: () => Promise<void>;
};

// The fast-path server (tsx) and Next.js's bundle load lib/ as separate
// module instances in one process: share one runtime through globalThis so
// there is one pool, one trace buffer and one rate limiter.
const slot = Symbol.for("skyport.runtime");
const holder = globalThis as unknown as { [slot]?: Runtime };

/** Builds the process runtime once; later calls return the same one. */
export function startRuntime(cfg: Config = parseConfig(process.env), urls: DatabaseUrls = databaseUrls(cfg)): Runtime {
  if (holder[slot]) return holder[slot];
  const log = createLogger(cfg.LOG_LEVEL);
  const outage = createOutageLog(log);
  const reportOutage = outageReporter(outage);
  const endpoints = resolveEndpoints(cfg);
  const services = actionServices(cfg, endpoints);
  const db = createDatabase(urls, cfg.DB_POOL_SIZE);
  const traces = createTraceWriter(db.platformDb, {
    flushMs: cfg.TRACE_FLUSH_MS,
    outage,
  });
  const gateway = createGateway({
    keys: cfg.CONSOLE_KEYS,
    db,
    actions: registry,
    services,
    traces,
    log,
    outage,
    rateLimit: { perSecond: cfg.GATEWAY_TENANT_RPS, burst: cfg.GATEWAY_TENANT_BURST },
    rejectLimit: { perSecond: cfg.GATEWAY_REJECT_RPS, burst: cfg.GATEWAY_REJECT_BURST },
    tenantCacheSize: cfg.TENANT_CACHE_SIZE,
  });
  const housekeeping = setInterval(() => {
    purgeExpiredReplays(db.platformDb).catch((err) => {
      if (!reportOutage("replay purge", err)) log.warn({ err: String(err) }, "replay purge failed");
    });
  }, 60_000);
  housekeeping.unref();
  const runtime: Runtime = {
    config: cfg,
    endpoints,
    services,
    db,
    gateway,
    traces,
    log,
    reportOutage,
    async close() {
      clearInterval(housekeeping);
      await traces.close();
      await db.close();
      log.flush();
      delete holder[slot];
    },
  };
  holder[slot] = runtime;
  return runtime;
}

export const runtime = (): Runtime => holder[slot] ?? startRuntime();

/** The runtime, if anything in this process has needed it yet. */
export const runtimeIfStarted = (): Runtime | undefined => holder[slot];
