import { describe, expect, it } from "vitest";
import type { OutageLog } from "../log";
import { outageReporter } from "./report-outage";

describe("outage reporter for routes and jobs", () => {
  it("takes database outages (reported to the outage log) and leaves every other fault to the caller", () => {
    const downs: [string, string][] = [];
    const outage: OutageLog = { down: (dependency, _err, by) => downs.push([dependency, by]), up: () => {} };
    const report = outageReporter(outage);
    const refused = Object.assign(new Error("connect ENOENT /tmp/.s.PGSQL.5432"), { code: "ENOENT", syscall: "connect" });
    expect(report("aliyun spi", refused)).toBe(true);
    expect(report("aliyun spi", new TypeError("a bug"))).toBe(false);
    expect(downs).toEqual([["database", "aliyun spi"]]);
  });
});
