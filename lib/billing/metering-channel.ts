import type { BillingChannel } from "./plans";

/** Who a record bills, as its channel names them (from the tenant's latest subscription). */
export type BillingTarget = {
  /** the tenant's account: Alibaba uid, AWS account id, direct account */
  account: string;
  /** Alibaba: the instance (orderBizId); AWS: the LicenseArn; direct: the Stripe subscription */
  instanceId: string | null;
  /** direct: the Stripe customer */
  customerRef: string | null;
};

/** One record as a channel is sent it: `id` is the identifier it sees, the same on every retry. */
export type RecordToSend = {
  id: string;
  tenantId: string;
  metric: string;
  dimension: string;
  /** the start of the hour, UTC */
  hour: Date;
  /** a whole number where the metric is billed in units (numeric(20, 6) as text) */
  quantity: string;
  target: BillingTarget;
};

/** What the channel said of one record. */
export type ChannelAnswer =
  | { id: string; outcome: "accepted"; quantity: string; detail?: Record<string, unknown> }
  /** final: the channel will not take it (no such customer, a different quantity already held) */
  | { id: string; outcome: "rejected"; reason: string; detail?: Record<string, unknown> }
  /** not now (throttled, a fault, no answer): sent again later with the same identifiers */
  | { id: string; outcome: "retry"; reason: string };

/**
 * A channel's metering API, handed to the push (lib/marketplace implements
 * Alibaba and AWS, lib/billing Stripe). `send` groups records into the
 * channel's calls (at most `maxRecords` each) and answers for every record;
 * a call that fails as a whole answers `retry` for each of its records.
 */
export type MeteringChannel = {
  channel: BillingChannel;
  send: (records: RecordToSend[]) => Promise<ChannelAnswer[]>;
  /**
   * What the channel itself holds for accepted records, by record id, where
   * it can be asked (Stripe's meter event summaries; Alibaba and AWS publish
   * no such read). Reconciliation compares it with what was acknowledged.
   */
  recorded?: (records: RecordToSend[]) => Promise<Map<string, number>>;
};
