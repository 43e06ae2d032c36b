/**
 * Whether a caller's timestamp (whole unix seconds) is within `windowSeconds`
 * of the server's clock, as the console gateway, agent channel and usage
 * specs write it: |now − t| ≤ window, with now in whole seconds too, so that
 * exactly the window's edge is in whatever the server's milliseconds.
 */
export const withinClockWindow = (nowMs: number, unixSeconds: number, windowSeconds: number) =>
  Math.abs(Math.floor(nowMs / 1000) - unixSeconds) <= windowSeconds;
