import { aggregateClosedHours, type MeteringChannel, type PushReport, pushDue } from "../billing";
import type { PrismaClient } from "../db";

export type MeterUsageDeps = {
  platformDb: PrismaClient;
  channels: readonly MeteringChannel[];
  leaseMs: number;
  now: () => Date;
};

/**
 * One metering run: the closed hours summed into records, then each
 * channel's due records pushed (a channel's fault does not stop the others).
 * Runs every minute; safe to run twice at once or to kill at any point.
 */
export async function meterUsage(deps: MeterUsageDeps) {
  const aggregated = await aggregateClosedHours(deps.platformDb, deps.now());
  const pushed: Partial<Record<string, PushReport | { error: string }>> = {};
  for (const channel of deps.channels) {
    try {
      pushed[channel.channel] = await pushDue(deps.platformDb, channel, { now: deps.now(), leaseMs: deps.leaseMs });
    } catch (err) {
      pushed[channel.channel] = { error: (err as Error).message };
    }
  }
  return { aggregated, pushed };
}
