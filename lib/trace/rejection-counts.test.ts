import { describe, expect, it } from "vitest";
import { createRejectionCounts } from "./rejection-counts";
import type { TraceRecord } from "./trace-writer";

const minute = Date.UTC(2026, 10, 30, 12, 0);
const refusal = (at: number, clientAddress: string | undefined, code = "InvalidSignature"): TraceRecord => ({
  traceId: "chosen-by-caller",
  at,
  action: "DescribeTenant",
  code,
  httpStatus: 401,
  latencyMs: 0.1,
  authenticated: false,
  ...(clientAddress !== undefined && { clientAddress }),
});

describe("rejection counts", () => {
  it("samples the first few per address and minute, and counts all per address, code and minute", () => {
    const counts = createRejectionCounts({ samplesPerMinute: 2, maxKeys: 100 });
    const kept = [
      ...Array.from({ length: 4 }, (_, i) => counts.count(refusal(minute + i, "10.0.0.1"))),
      counts.count(refusal(minute + 5, "10.0.0.2", "InvalidParameter")),
      counts.count(refusal(minute + 60_000, "10.0.0.1")),
      counts.count(refusal(minute + 60_001, undefined)),
    ];
    expect(kept).toEqual([true, true, false, false, true, true, true]);
    expect(counts.take()).toEqual([
      { minute, clientAddress: "10.0.0.1", code: "InvalidSignature", calls: 4 },
      { minute, clientAddress: "10.0.0.2", code: "InvalidParameter", calls: 1 },
      { minute: minute + 60_000, clientAddress: "10.0.0.1", code: "InvalidSignature", calls: 1 },
      { minute: minute + 60_000, clientAddress: "unknown", code: "InvalidSignature", calls: 1 },
    ]);
    expect(counts.take()).toEqual([]);
  });

  it("holds at most maxKeys counts between writes: more addresses are dropped and counted as dropped", () => {
    const counts = createRejectionCounts({ samplesPerMinute: 1, maxKeys: 2 });
    const kept = ["a", "b", "c", "a"].map((address) => counts.count(refusal(minute, address)));
    expect(kept).toEqual([true, true, false, false]);
    expect(counts.take().map((c) => [c.clientAddress, c.calls])).toEqual([
      ["a", 2],
      ["b", 1],
    ]);
    expect(counts.dropped()).toBe(1);
  });

  it("puts counts whose write failed back, to be added to those of the next write", () => {
    const counts = createRejectionCounts({ samplesPerMinute: 1, maxKeys: 10 });
    counts.count(refusal(minute, "a"));
    const failed = counts.take();
    counts.count(refusal(minute, "a"));
    counts.restore(failed);
    expect(counts.take()).toEqual([{ minute, clientAddress: "a", code: "InvalidSignature", calls: 2 }]);
  });
});
