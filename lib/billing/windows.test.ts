import { describe, expect, it } from "vitest";
import { checkEvents } from "./usage-events";
import { futureSkewMs, oldestBillable } from "./windows";

const hour = 3_600_000;
const day = 24 * hour;
// 10:30 UTC: Alibaba's previous hour began at 09:00
const now = Date.parse("2026-11-30T10:30:00.000Z");

type Channel = "aliyun" | "aws" | "direct";
/** the codes checkEvents gives events of `channel` stamped at these times (null: accepted) */
const codesAt = (channel: Channel, times: number[]) => {
  const events = times.map((at, i) => ({
    tenant: { marketplace: channel, parentUid: "buyer-1" },
    metric: "task_runs",
    quantity: 1,
    occurredAt: new Date(at).toISOString(),
    idempotencyKey: `k-${i}`,
  }));
  // a late event is OutOfWindow unless the ledger holds its key already (usage-ingest.int.test.ts)
  const { rejected, late } = checkEvents(events, now);
  const refusals = [...rejected, ...late.map((l) => l.refusal)];
  return times.map((_, i) => refusals.find((r) => r.index === i)?.code ?? null);
};

describe("usage windows (usage-and-billing.md §1), at their edges", () => {
  it("Alibaba bills from the start of the previous hour, whatever the minute", () => {
    expect(oldestBillable("aliyun", now)).toBe(Date.parse("2026-11-30T09:00:00.000Z"));
    expect(oldestBillable("aliyun", Date.parse("2026-11-30T10:00:00.000Z"))).toBe(Date.parse("2026-11-30T09:00:00.000Z"));
    expect(oldestBillable("aliyun", Date.parse("2026-11-30T10:59:59.999Z"))).toBe(Date.parse("2026-11-30T09:00:00.000Z"));
    const oldest = Date.parse("2026-11-30T09:00:00.000Z");
    expect(codesAt("aliyun", [oldest, oldest - 1])).toEqual([null, "OutOfWindow"]);
  });

  it("AWS bills 6 hours back, direct sales 35 days", () => {
    expect(codesAt("aws", [now - 6 * hour, now - 6 * hour - 1])).toEqual([null, "OutOfWindow"]);
    expect(codesAt("direct", [now - 35 * day, now - 35 * day - 1])).toEqual([null, "OutOfWindow"]);
  });

  it("takes events up to 5 minutes ahead of the server's clock, on every channel", () => {
    for (const channel of ["aliyun", "aws", "direct"] as const)
      expect(codesAt(channel, [now + futureSkewMs, now + futureSkewMs + 1])).toEqual([null, "OutOfWindow"]);
  });
});
