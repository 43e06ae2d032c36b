import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, type Database } from "../db";
import { createOutageLog, type OutageLog } from "../log";
import { createTraceWriter } from "./index";

const outage = createOutageLog(pino({ level: "silent" }));
let db: Database;
beforeAll(() => {
  db = createDatabase(inject("dbUrls"), 2);
});
afterAll(() => db.close());

describe("trace writer", () => {
  it("writes buffered traces in one batch, with every column", async () => {
    const writer = createTraceWriter(db.platformDb, { flushMs: 60_000, outage });
    const traceId = `tw-${Date.now()}`;
    const tenant = await db.platformDb.tenant.create({ data: { channel: "direct", externalId: traceId, displayName: "t" } });
    for (let i = 0; i < 500; i++)
      writer.record({
        traceId,
        at: Date.now(),
        action: "DescribeTenant",
        code: i % 2 ? "OK" : "InvalidSignature",
        httpStatus: i % 2 ? 200 : 401,
        latencyMs: 1.5,
        authenticated: true,
        ...(i % 2 ? { keyId: "k", channel: "direct", parentUid: traceId, uid: "u", tenantId: tenant.id } : {}),
      });
    await writer.close();
    expect(writer.stats()).toEqual({ written: 500, dropped: 0, buffered: 0 });
    const rows = await db.platformDb.gatewayTrace.findMany({ where: { traceId }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(500);
    expect(rows[1]).toMatchObject({ code: "OK", httpStatus: 200, channel: "direct", tenantId: tenant.id, uid: "u", keyId: "k" });
    expect(rows[0]).toMatchObject({ code: "InvalidSignature", channel: null, tenantId: null });
    expect(Math.abs(rows[0]!.at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("keeps a call's params without what its action marks secret, nor secret-looking keys", async () => {
    const writer = createTraceWriter(db.platformDb, { flushMs: 60_000, outage });
    const traceId = `tw-params-${Date.now()}`;
    writer.record({
      traceId,
      at: Date.now(),
      action: "CompleteCloudAuthorization",
      code: "OK",
      httpStatus: 200,
      latencyMs: 1,
      authenticated: true,
      params: { code: "one-time-123", note: { code: "nested-456" }, apiToken: "t", region: "cn-hangzhou" },
      secretParams: new Set(["code"]),
    });
    await writer.close();
    const [row] = await db.platformDb.gatewayTrace.findMany({ where: { traceId } });
    expect(row?.params).toEqual({ code: "[redacted]", note: { code: "[redacted]" }, apiToken: "[redacted]", region: "cn-hangzhou" });
  });

  it("bounds memory: past maxBuffered, traces are dropped and counted", () => {
    const writer = createTraceWriter(db.platformDb, { flushMs: 60_000, maxBuffered: 3, outage });
    for (let i = 0; i < 5; i++)
      writer.record({
        traceId: "x".repeat(8),
        at: Date.now(),
        action: "A",
        code: "OK",
        httpStatus: 200,
        latencyMs: 1,
        authenticated: true,
      });
    expect(writer.stats()).toMatchObject({ buffered: 3, dropped: 2 });
    return writer.close();
  });

  it("keeps a failed batch for one retry, then drops it (bounded loss, never a crash), and reports the database down", async () => {
    const dead = "postgresql://platform:x@127.0.0.1:1/none";
    const down = createDatabase({ owner: dead, app: dead, platform: dead, opsRo: dead }, 1);
    const errors: string[] = [];
    const reported: OutageLog = { down: (dependency) => errors.push(dependency), up: () => {} };
    const writer = createTraceWriter(down.platformDb, { flushMs: 60_000, outage: reported });
    const record = () =>
      writer.record({ traceId: "retry-1234", at: Date.now(), action: "A", code: "OK", httpStatus: 200, latencyMs: 1, authenticated: true });
    record();
    await writer.flush();
    expect(writer.stats()).toMatchObject({ buffered: 1, dropped: 0 });
    record();
    await writer.flush();
    expect(writer.stats()).toMatchObject({ buffered: 1, dropped: 1 });
    expect(errors).toEqual(["database", "database"]);
    await writer.close();
    await down.close();
  });
});
