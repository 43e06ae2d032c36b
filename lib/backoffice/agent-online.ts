import { offlineAfterSeconds } from "../agents";
import { Prisma } from "../db";

/**
 * A last heartbeat at or before this (SQL) means offline now: three heartbeat
 * intervals ago (lib/agents' rule); `heartbeatSeconds` is AGENT_HEARTBEAT_SECONDS.
 */
export const offlineBefore = (heartbeatSeconds: number) =>
  Prisma.sql`now() - make_interval(secs => ${offlineAfterSeconds(heartbeatSeconds)})`;
