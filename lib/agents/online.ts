/**
 * When a host is online (shared/specs/agent-channel.md, Heartbeat): "while its
 * last heartbeat is younger than three intervals". The interval is the one the
 * server answers agents (AGENT_HEARTBEAT_SECONDS, 30 s by default), so every
 * reader (the console's host status, the heartbeat gaps, /admin and /ops)
 * derives the threshold from it here, never from a number of its own.
 */
export const offlineAfterSeconds = (heartbeatSeconds: number) => 3 * heartbeatSeconds;

/** Whether a host last heard from at `lastSeenAt` is online at `now` (epoch ms). */
export const isOnline = (lastSeenAt: Date | null, heartbeatSeconds: number, now: number) =>
  lastSeenAt !== null && now - lastSeenAt.getTime() < offlineAfterSeconds(heartbeatSeconds) * 1000;
