import type { BillingChannel } from "./plans";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** How far ahead of the server's clock an event may be stamped (clock skew), usage-and-billing.md §1. */
export const futureSkewMs = 5 * 60_000;

/**
 * The oldest `occurredAt` a tenant's channel can still bill, at `now`
 * (usage-and-billing.md §1): Alibaba takes the previous hour and this one,
 * AWS 6 hours, Stripe 35 days.
 */
export function oldestBillable(channel: BillingChannel, now: number): number {
  switch (channel) {
    case "aliyun":
      return Math.floor(now / hourMs) * hourMs - hourMs;
    case "aws":
      return now - 6 * hourMs;
    case "direct":
      return now - 35 * dayMs;
  }
}

/**
 * Until when the channel takes the record of the hour starting at `hour`:
 * Alibaba's hourly data by the end of the following hour, AWS within 6 hours
 * of its timestamp, Stripe within 35 days. Past it a record is `dead`.
 */
export function pushDeadline(channel: BillingChannel, hour: number): number {
  switch (channel) {
    case "aliyun":
      return hour + 2 * hourMs;
    case "aws":
      return hour + 6 * hourMs;
    case "direct":
      return hour + 35 * dayMs;
  }
}
