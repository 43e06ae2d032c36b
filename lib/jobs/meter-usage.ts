import {
  aggregateClosedHours,
  aggregateEndingAgreements,
  type MeteringChannel,
  type PushReport,
  pushDue,
  reconcileMetering,
} from "../billing";
import type { PrismaClient } from "../db";

export type MeterUsageDeps = {
  platformDb: PrismaClient;
  channels: readonly MeteringChannel[];
  leaseMs: number;
  now: () => Date;
};

/**
 * One metering run: the closed hours summed into records (and the final
 * hour of ending AWS agreements), then each channel's due records pushed
 * and, where the channel can be asked, what it holds read back (a channel's fault does not stop the others).
 * Runs every minute; safe to run twice at once or to kill at any point.
 */
export async function meterUsage(deps: MeterUsageDeps) {
  const aggregated = {
    ...(await aggregateClosedHours(deps.platformDb, deps.now())),
    final: await aggregateEndingAgreements(deps.platformDb, deps.now()),
  };
  const pushed: Partial<Record<string, PushReport | { error: string }>> = {};
  const reconciled: Partial<Record<string, { checked: number; mismatched: number } | { error: string }>> = {};
  for (const channel of deps.channels) {
    try {
      pushed[channel.channel] = await pushDue(deps.platformDb, channel, { now: deps.now(), leaseMs: deps.leaseMs });
    } catch (err) {
      pushed[channel.channel] = { error: (err as Error).message };
    }
    if (channel.recorded)
      reconciled[channel.channel] = await reconcileMetering(deps.platformDb, channel, deps.now()).catch((err: Error) => ({
        error: err.message,
      }));
  }
  return { aggregated, pushed, reconciled };
}
