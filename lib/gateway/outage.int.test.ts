import { rmSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { freePort } from "../../test/free-port";
import { type Harness, type Reply, startHarness } from "../../test/gateway-harness";
import { createDatabase, type Database } from "../db";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../db/embedded";
import { migrate } from "../db/migrate";

// Its own Postgres: stopping the run's shared one would fail the files running beside this one.
const dataDir = path.resolve(".data", `outage-${process.pid}`);
let port: number;
let postgres: EmbeddedDatabase;
let db: Database;
let h: Harness;
let tenants: TestTenant[];
const logLines: { msg: string; level: number; dependency?: string }[] = [];

beforeAll(async () => {
  port = await freePort();
  postgres = await startEmbeddedPostgres({ dataDir, port });
  await migrate(postgres.urls);
  db = createDatabase(postgres.urls, 4);
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  h = await startHarness({ db, log: pino({ level: "info" }, sink) });
  tenants = [await createTenant(db.platformDb), await createTenant(db.platformDb), await createTenant(db.platformDb)];
});

afterAll(async () => {
  await h?.close();
  await db?.close();
  await postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

type Sent = { tenant: TestTenant; action: string; traceId: string; displayName?: string; reply: Reply; at: "before" | "down" | "after" };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, done: () => boolean) {
  for (let i = 0; i < 600 && !done(); i++) await pause(50);
  if (!done()) throw new Error(`gave up waiting for ${what}`);
}

describe("Postgres stopped and started while calls flow", () => {
  it("answers 503 with Retry-After (never 500), logs the outage once, recovers by itself, and leaves no change half-written", async () => {
    const sent: Sent[] = [];
    let phase: Sent["at"] = "before";
    let flowing = true;
    let n = 0;
    const send = async (tenant: TestTenant, action: string, params: { displayName?: string }) => {
      const traceId = `outage-${process.pid}-${n++}`;
      const at = phase;
      const reply = await h.call(action, params, { tenant, traceId });
      sent.push({ tenant, action, traceId, ...params, reply, at });
      // a client that is told to retry later does not hammer
      if (reply.status === 503) await pause(20);
    };
    const flow = tenants.flatMap((tenant) => [
      (async () => {
        for (let i = 0; flowing; i++) await send(tenant, "UpdateTenantProfile", { displayName: `name ${i}` });
      })(),
      (async () => {
        while (flowing) await send(tenant, "DescribeTenant", {});
      })(),
    ]);
    const ok = (at: Sent["at"], action: string) => sent.filter((s) => s.at === at && s.action === action && s.reply.status === 200).length;

    await until("calls before the stop", () => ok("before", "UpdateTenantProfile") >= 10);
    phase = "down";
    await postgres.stop(); // SIGINT: Postgres's fast shutdown, as `pg_ctl stop -m fast`
    await until("calls while down", () => sent.filter((s) => s.at === "down" && s.reply.status === 503).length >= 30);
    postgres = await startEmbeddedPostgres({ dataDir, port });
    phase = "after";
    await until("recovery", () => ok("after", "UpdateTenantProfile") >= 5 && ok("after", "DescribeTenant") >= 5);
    flowing = false;
    await Promise.all(flow);

    const statuses = new Set(sent.map((s) => s.reply.status));
    expect([...statuses].sort()).toEqual([200, 503]);
    const unavailable = sent.filter((s) => s.reply.status === 503);
    for (const s of unavailable) {
      expect(s.reply.body.code).toBe("ServiceUnavailable");
      expect(Number(s.reply.headers.get("retry-after"))).toBeGreaterThan(0);
    }

    // one line when it went down (and perhaps one per interval after), one when it came back: not one per call
    const outageLines = logLines.filter((l) => l.dependency === "database");
    expect(outageLines[0]?.msg).toBe("dependency unavailable");
    expect(outageLines.at(-1)?.msg).toBe("dependency available again");
    expect(outageLines.length).toBeLessThan(10);
    expect(unavailable.length).toBeGreaterThan(outageLines.length * 5);
    expect(logLines.filter((l) => l.level >= 50)).toEqual([]); // no error-level lines, so no stacks

    // every change answered OK is there with its audit event and stored answer; every change
    // answered 503 is there entirely (it committed, its answer was lost) or not at all
    const platform = createDatabase(postgres.urls, 1);
    const writes = sent.filter((s) => s.action === "UpdateTenantProfile");
    const audited = new Set(
      (
        await platform.platformDb.auditEvent.findMany({
          where: { traceId: { in: writes.map((w) => w.traceId) } },
          select: { traceId: true },
        })
      ).map((e) => e.traceId),
    );
    const stored = new Set(
      (
        await platform.platformDb.gatewayReplay.findMany({
          where: { traceId: { in: writes.map((w) => w.traceId) }, httpStatus: 200 },
          select: { traceId: true },
        })
      ).map((r) => r.traceId),
    );
    for (const w of writes) {
      if (w.reply.status === 200) expect([w.traceId, audited.has(w.traceId), stored.has(w.traceId)]).toEqual([w.traceId, true, true]);
      else expect([w.traceId, audited.has(w.traceId)]).toEqual([w.traceId, stored.has(w.traceId)]);
    }
    // each tenant's name is that of its last change that committed
    for (const tenant of tenants) {
      const committed = writes.filter((w) => w.tenant === tenant && audited.has(w.traceId));
      const row = await platform.platformDb.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
      expect(row.displayName).toBe(committed.at(-1)?.displayName);
    }
    await platform.close();
  });
});
