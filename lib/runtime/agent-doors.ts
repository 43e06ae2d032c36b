import { createAgentChannel, type DownloadDeps, packageStore } from "../agents";
import type { Config, Endpoints } from "../config";
import type { Database } from "../db";
import type { Logger } from "../log";

/**
 * The agents' two doors on the fast path, from the process runtime: the
 * upward channel (/api/agent/v1/*) and the package downloads (/download/*).
 * `listenUrl` is where the channel hears of new tasks and changed agents.
 */
export function agentDoors(
  runtime: { config: Config; endpoints: Endpoints; db: Database; log: Logger; reportOutage: (by: string, err: unknown) => boolean },
  listenUrl: string,
) {
  const { config, db, log, reportOutage } = runtime;
  const channel = createAgentChannel({
    appPool: db.appPool,
    platformDb: db.platformDb,
    listenUrl,
    keys: config.AGENT_SEAL_KEYS,
    heartbeatSeconds: config.AGENT_HEARTBEAT_SECONDS,
    lastSeenFlushMs: config.AGENT_LAST_SEEN_FLUSH_MS,
    limits: {
      agent: { perSecond: config.AGENT_RPS, burst: config.AGENT_BURST },
      tenant: { perSecond: config.AGENT_TENANT_RPS, burst: config.AGENT_TENANT_BURST },
    },
    log,
    reportOutage,
  });
  const downloads: DownloadDeps = {
    appPool: db.appPool,
    keys: config.AGENT_SEAL_KEYS,
    store: packageStore(config),
    publicUrl: runtime.endpoints.publicUrl,
    now: Date.now,
    reportOutage,
  };
  return { channel, downloads };
}
