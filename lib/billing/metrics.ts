import type { BillingChannel } from "./plans";

/** Alibaba Cloud Market's metering keys (PushMeteringData `Entities[].Key`). */
export type AliyunMeteringKey =
  | "Frequency"
  | "Period"
  | "PeriodMin"
  | "Storage"
  | "NetworkIn"
  | "NetworkOut"
  | "Character"
  | "DailyActiveUser"
  | "VirtualCpu"
  | "Unit"
  | "Memory"
  | "KTokens"
  | "Suit"
  | "StorageGigaByte";

export type MetricId = "managed_host_hours" | "task_runs" | "api_calls";

export type Metric = {
  id: MetricId;
  /** what one unit is, for pages */
  unit: "host-hour" | "run" | "call";
  /** billed in whole units: a fractional quantity is refused at ingest */
  integer: boolean;
  /** list price of one unit in US cents beyond what the plan includes (the admin's estimate, /pricing) */
  unitPriceCents: number;
  /**
   * The dimension each channel bills it under; a channel not listed does not
   * bill the metric (it is still in the ledger and the console).
   * Alibaba: the metering key, and how many of its units one of ours is
   * (`Period` is counted in seconds); AWS: the listing's usage dimension;
   * direct: the Stripe meter's event name.
   */
  billedAs: Partial<{ aliyun: { key: AliyunMeteringKey; scale: number }; aws: string; direct: string }>;
};

export const metrics: Readonly<Record<MetricId, Metric>> = {
  managed_host_hours: {
    id: "managed_host_hours",
    unit: "host-hour",
    integer: true,
    unitPriceCents: 1,
    billedAs: { aliyun: { key: "Period", scale: 3600 }, aws: "managed_host_hours", direct: "managed_host_hours" },
  },
  task_runs: {
    id: "task_runs",
    unit: "run",
    integer: true,
    unitPriceCents: 2,
    billedAs: { aliyun: { key: "Frequency", scale: 1 }, aws: "task_runs", direct: "task_runs" },
  },
  api_calls: {
    id: "api_calls",
    unit: "call",
    integer: true,
    unitPriceCents: 0.1,
    billedAs: { aws: "api_calls", direct: "api_calls" },
  },
};

export const metricIds = Object.keys(metrics) as MetricId[];

/** A metric by name, or undefined (an own-property check: "constructor" is no metric). */
export function metricById(id: string): Metric | undefined {
  return Object.hasOwn(metrics, id) ? metrics[id as MetricId] : undefined;
}

/** The dimension `channel` bills `metric` under (Alibaba: the metering key), or undefined when it does not bill it. */
export function dimensionOf(metric: MetricId, channel: BillingChannel): string | undefined {
  const d = metrics[metric].billedAs[channel];
  return typeof d === "object" ? d.key : d;
}
