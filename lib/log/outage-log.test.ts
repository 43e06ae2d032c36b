import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createOutageLog } from "./index";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, log: pino({ level: "info" }, sink) };
}

describe("outage log", () => {
  it("logs the first failure, then one line per interval with the count, then the recovery", () => {
    const { lines, log } = capture();
    let t = 0;
    const outage = createOutageLog(log, { intervalMs: 1000, now: () => t });
    const refused = Object.assign(new Error("connect ENOENT /tmp/.s.PGSQL.5432"), { code: "ENOENT" });
    for (; t < 2500; t += 1) outage.down("database", refused, "gateway");
    outage.up("database", t);
    expect(lines.map((l) => [l.msg, l.failures])).toEqual([
      ["dependency unavailable", undefined],
      ["dependency still unavailable", 1000],
      ["dependency still unavailable", 1000],
      ["dependency available again", 2500],
    ]);
    expect(lines[0]).toMatchObject({ dependency: "database", by: "gateway", err: "ENOENT connect ENOENT /tmp/.s.PGSQL.5432" });
    expect(JSON.stringify(lines)).not.toContain("at "); // no stack
  });

  it("takes no answer to a call begun before the outage as a recovery", () => {
    const { lines, log } = capture();
    let t = 100;
    const outage = createOutageLog(log, { now: () => t });
    outage.down("database", new Error("Connection terminated unexpectedly"), "gateway");
    outage.up("database", 99);
    t = 200;
    outage.up("database", 150);
    expect(lines.map((l) => l.msg)).toEqual(["dependency unavailable", "dependency available again"]);
  });

  it("says nothing while nothing is down", () => {
    const { lines, log } = capture();
    createOutageLog(log).up("database", 0);
    expect(lines).toEqual([]);
  });
});
