import { describe, expect, it } from "vitest";
import { parseShanghaiTime } from "./shanghai-time";

describe("parseShanghaiTime", () => {
  it("reads marketplace times as UTC+8", () => {
    expect(parseShanghaiTime("2027-01-01 08:00:00")?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(parseShanghaiTime("2026-11-22 07:59:59")?.toISOString()).toBe("2026-11-21T23:59:59.000Z");
  });

  it.each(["2026-02-30 00:00:00", "2026-13-01 00:00:00", "2026-01-01 24:00:00", "2026-01-01T00:00:00", "2026-01-01", "", "2026-1-1 0:0:0"])(
    "refuses %j",
    (text) => {
      expect(parseShanghaiTime(text)).toBeUndefined();
    },
  );
});
