import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAgent, createTenant, type TestTenant } from "../../test/factories";
import { createDatabase, type Database, type PrismaClient } from "../db";
import { createHeartbeatLog } from "./heartbeat-log";
import { offlineAfterSeconds } from "./online";

// The real heartbeat log over the test Postgres, its clock the times handed to
// record(): a silence is made by leaving minutes between two heartbeats.
let db: Database;
let tenant: TestTenant;
beforeAll(async () => {
  db = createDatabase(inject("dbUrls"), 2);
  tenant = await createTenant(db.platformDb);
});
afterAll(() => db.close());

const threshold = offlineAfterSeconds(30) * 1000;
const minute = 60_000;
const t0 = Date.parse("2026-11-30T08:00:00.000Z");
const at = (ms: number) => new Date(t0 + ms);

type Failure = "before commit" | "after commit";
/**
 * The platform client, but the next transaction fails: rolled back, or
 * committed with its answer lost; `meanwhile` runs while it is in flight.
 */
function flaky(platformDb: PrismaClient) {
  let next: { failure: Failure; meanwhile: () => void } | undefined;
  const client = {
    async $transaction(fn: (tx: unknown) => Promise<unknown>, options: object) {
      const failing = next;
      next = undefined;
      const result = await platformDb.$transaction(async (tx) => {
        const r = await fn(tx);
        failing?.meanwhile();
        if (failing?.failure === "before commit") throw new Error("connection reset");
        return r;
      }, options);
      if (failing?.failure === "after commit") throw new Error("connection reset after COMMIT");
      return result;
    },
  } as unknown as PrismaClient;
  return { client, failNext: (failure: Failure, meanwhile = () => {}) => (next = { failure, meanwhile }) };
}

function heartbeatLog(platformDb: PrismaClient = db.platformDb) {
  return createHeartbeatLog({
    platformDb,
    flushMs: 3_600_000, // flushed by the test
    offlineAfterMs: threshold,
    log: pino({ level: "silent" }),
    reportOutage: () => false,
  });
}

async function silentAgent() {
  const agent = await createAgent(db.platformDb, tenant.id, { lastSeenAt: at(0) });
  const gaps = () =>
    db.platformDb.agentGap.findMany({
      where: { tenantId: tenant.id, agentId: agent.id },
      orderBy: { silentFrom: "asc" },
      select: { silentFrom: true, silentTo: true },
    });
  const lastSeen = async () =>
    (await db.platformDb.agent.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.id, id: agent.id } } })).lastSeenAt;
  return { ...agent, gaps, lastSeen };
}

describe("heartbeat gaps", () => {
  it("a heartbeat after a silence longer than the threshold writes one gap: the last heartbeat before to the first after", async () => {
    const agent = await silentAgent();
    const log = heartbeatLog();
    log.record(agent.id, tenant.id, t0 + 30_000, "1.0.0");
    await log.flush();
    // silent for 5 minutes; then three heartbeats in one batch
    for (const ms of [5.5 * minute, 6 * minute, 6.5 * minute]) log.record(agent.id, tenant.id, t0 + ms, "1.0.0");
    await log.flush();
    await log.close();
    expect(await agent.gaps()).toEqual([{ silentFrom: at(30_000), silentTo: at(5.5 * minute) }]);
    expect(await agent.lastSeen()).toEqual(at(6.5 * minute));
  });

  it("heartbeats within the threshold, whatever the batches, write none", async () => {
    const agent = await silentAgent();
    const log = heartbeatLog();
    let ms = 0;
    for (const step of [30_000, 30_000, threshold, 45_000, threshold]) {
      ms += step;
      if (step === threshold) await log.flush(); // exactly three intervals, across batches and within one, is no gap
      log.record(agent.id, tenant.id, t0 + ms, "1.0.0");
    }
    await log.close();
    expect(await agent.gaps()).toEqual([]);
    expect(await agent.lastSeen()).toEqual(at(ms));
  });

  it("a silence inside one batch is a gap too", async () => {
    const agent = await silentAgent();
    const log = heartbeatLog();
    for (const ms of [30_000, 60_000, 10 * minute, 10.5 * minute]) log.record(agent.id, tenant.id, t0 + ms, "1.0.0");
    await log.close();
    expect(await agent.gaps()).toEqual([{ silentFrom: at(60_000), silentTo: at(10 * minute) }]);
  });

  for (const failure of ["before commit", "after commit"] as const)
    it(`a flush that fails ${failure} and is sent again writes each gap once, ending at the first heartbeat after the silence`, async () => {
      const agent = await silentAgent();
      const flakyDb = flaky(db.platformDb);
      const log = heartbeatLog(flakyDb.client);
      const beat = (ms: number) => () => log.record(agent.id, tenant.id, t0 + ms, "1.0.0");
      // silent for 4 minutes; heartbeats go on while the write fails, and a second silence passes before it succeeds
      beat(4 * minute)();
      flakyDb.failNext(failure, beat(4.5 * minute));
      await log.flush();
      expect(await agent.gaps()).toHaveLength(failure === "after commit" ? 1 : 0);
      flakyDb.failNext(failure, beat(12 * minute));
      await log.flush();
      flakyDb.failNext(failure);
      await log.flush();
      await log.close();
      expect(await agent.gaps()).toEqual([
        { silentFrom: at(0), silentTo: at(4 * minute) },
        { silentFrom: at(4.5 * minute), silentTo: at(12 * minute) },
      ]);
      expect(await agent.lastSeen()).toEqual(at(12 * minute));
    });
});
