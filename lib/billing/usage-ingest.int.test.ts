import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { startUsageHarness, type UsageHarness } from "../../test/usage-harness";
import { checkEvents } from "./usage-events";
import { recordUsage } from "./usage-ledger";
import { usageSignature } from "./usage-signature";

let u: UsageHarness;
let aliyun: TestTenant;
let aws: TestTenant;
beforeAll(async () => {
  u = await startUsageHarness();
  aliyun = await createTenant(u.db.platformDb);
  aws = await createTenant(u.db.platformDb, { channel: "aws" });
});
afterAll(() => u.close());

const event = (t: TestTenant, over: Record<string, unknown> = {}) => ({
  tenant: { marketplace: t.channel, parentUid: t.parentUid },
  metric: "task_runs",
  quantity: 3,
  occurredAt: new Date().toISOString(),
  idempotencyKey: `k-${randomUUID()}`,
  ...over,
});
const ledger = (t: TestTenant, key: string) =>
  u.db.platformDb.usageEvent.findMany({
    where: { tenantId: t.id, idempotencyKey: key },
    select: { quantity: true, metric: true, source: true },
  });

describe("POST /api/usage/v1/events", () => {
  it("records each event once: a key sent again with the same content is a duplicate, with another quantity a conflict, and the first stands", async () => {
    const e = event(aliyun);
    expect((await u.post({ events: [e] })).body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect((await u.post({ events: [e] })).body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    const changed = await u.post({ events: [{ ...e, quantity: 4 }] });
    expect(changed.body).toEqual({
      accepted: 0,
      duplicates: 0,
      rejected: [{ index: 0, code: "IdempotencyConflict", message: expect.any(String) }],
    });
    expect(await ledger(aliyun, e.idempotencyKey)).toEqual([{ quantity: expect.anything(), metric: "task_runs", source: "api" }]);
    expect(Number((await ledger(aliyun, e.idempotencyKey))[0]?.quantity)).toBe(3);
  });

  it("a key sent again after its window closed is still a duplicate (or a conflict), not OutOfWindow; a new key that late is", async () => {
    // accepted in its window a day ago (AWS bills 6 hours back): recorded then, as the ledger would have
    const e = event(aws, { occurredAt: new Date(Date.now() - 24 * 3_600_000).toISOString() });
    const [row] = checkEvents([e], Date.now() - 23 * 3_600_000).rows;
    await recordUsage(u.db.platformPool, [row as NonNullable<typeof row>], "api");
    expect((await u.post({ events: [e] })).body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    const changed = await u.post({
      events: [
        { ...e, quantity: 5 },
        { ...e, idempotencyKey: `k-${randomUUID()}` },
      ],
    });
    expect(changed.body.rejected.map((r: { code: string }) => r.code)).toEqual(["IdempotencyConflict", "OutOfWindow"]);
    expect(Number((await ledger(aws, e.idempotencyKey))[0]?.quantity)).toBe(3);
  });

  it("the same event delivered 1,000 times at once over HTTP is counted once", async () => {
    const e = event(aws, { metric: "managed_host_hours", quantity: 1 });
    const answers = await Promise.all(Array.from({ length: 1000 }, () => u.post({ events: [e] })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.reduce((n, a) => n + a.body.accepted, 0)).toBe(1);
    expect(answers.reduce((n, a) => n + a.body.duplicates, 0)).toBe(999);
    expect(await ledger(aws, e.idempotencyKey)).toHaveLength(1);
  });

  it("batches sharing keys in different orders, at once (a retry racing the original), all answer and count each event once", async () => {
    const events = Array.from({ length: 1000 }, (_, i) => event(i % 2 ? aliyun : aws));
    const shuffled = () => [...events].sort(() => Math.random() - 0.5);
    // straight to the ledger too: over HTTP the requests' parsing spreads them out
    const batches = Array.from({ length: 8 }, () => checkEvents(shuffled(), Date.now()).rows);
    const outcomes = await Promise.all(batches.map((rows) => recordUsage(u.db.platformPool, rows, "api")));
    const all = outcomes.flatMap((o) => [...o.values()]);
    expect(all.filter((o) => o === "accepted")).toHaveLength(1000);
    expect(all.filter((o) => o === "duplicate")).toHaveLength(7 * 1000);
    const answers = await Promise.all(Array.from({ length: 8 }, () => u.post({ events: shuffled() })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(answers.reduce((n, a) => n + a.body.duplicates, 0)).toBe(8 * 1000);
  });

  it("answers per event: unknown metric, bad quantities, out of window, unknown tenant, a key repeated in one request", async () => {
    const hour = 3_600_000;
    const repeated = event(aliyun);
    const events = [
      event(aliyun), // 0 accepted
      event(aliyun, { metric: "gpu_hours" }), // 1
      event(aliyun, { quantity: -1 }), // 2
      event(aliyun, { quantity: 1.5 }), // 3 task_runs are whole units
      event(aliyun, { quantity: "3" }), // 4
      event(aliyun, { occurredAt: new Date(Date.now() + 10 * 60_000).toISOString() }), // 5 future
      event(aliyun, { occurredAt: new Date(Date.now() - 2 * hour - 60_000).toISOString() }), // 6 before Alibaba's previous hour
      event(aws, { occurredAt: new Date(Date.now() - 5 * hour).toISOString() }), // 7 AWS: within 6 hours
      event(aws, { occurredAt: new Date(Date.now() - 7 * hour).toISOString() }), // 8
      event({ id: "", channel: "aliyun", parentUid: "no-such-account" }), // 9
      repeated, // 10
      repeated, // 11 the same again: duplicate
      { ...repeated, quantity: 9 }, // 12 the same key, other content: conflict
      event(aliyun, { metric: "" }), // 13 a metric of no name, one far too long, an Object property: unknown, per event
      event(aliyun, { metric: "m".repeat(500) }), // 14
      event(aliyun, { metric: "constructor" }), // 15
      event({ ...aliyun, channel: "aws" }), // 16 the Alibaba account, named as an AWS one: no such tenant
    ];
    const r = await u.post({ events });
    expect(r.status).toBe(200);
    expect(r.body.accepted).toBe(3);
    expect(r.body.duplicates).toBe(1);
    expect(r.body.rejected.map((x: { index: number; code: string }) => [x.index, x.code])).toEqual([
      [1, "UnknownMetric"],
      [2, "InvalidQuantity"],
      [3, "InvalidQuantity"],
      [4, "InvalidQuantity"],
      [5, "OutOfWindow"],
      [6, "OutOfWindow"],
      [8, "OutOfWindow"],
      [9, "TenantNotFound"],
      [12, "IdempotencyConflict"],
      [13, "UnknownMetric"],
      [14, "UnknownMetric"],
      [15, "UnknownMetric"],
      [16, "TenantNotFound"],
    ]);
    // the name is not echoed back
    expect(r.body.rejected.find((x: { index: number }) => x.index === 14).message).not.toContain("mmmm");
    // no events: nothing to record, answered like any batch
    const none = await u.post({ events: [] });
    expect([none.status, none.body]).toEqual([200, { accepted: 0, duplicates: 0, rejected: [] }]);
  });

  it("refuses a bad request as a whole, recording nothing of it", async () => {
    const e = event(aliyun);
    const status = async (p: Promise<{ status: number; body: { code?: string } }>) => {
      const r = await p;
      return [r.status, r.body.code];
    };
    expect(await status(u.post({ events: Array.from({ length: 1001 }, () => event(aliyun)) }))).toEqual([400, "InvalidParameter"]);
    expect(await status(u.post(Buffer.from("not json")))).toEqual([400, "InvalidParameter"]);
    expect(await status(u.post({ events: [{ ...e, idempotencyKey: "a\u0000b" }] }))).toEqual([400, "InvalidParameter"]);
    expect(await status(u.post({ events: [{ ...e, occurredAt: "yesterday" }] }))).toEqual([400, "InvalidParameter"]);
    expect(await status(u.post({ events: [{ ...e, occurredAt: "2026-13-45T00:00:00Z" }] }))).toEqual([400, "InvalidParameter"]);
    expect(await status(u.post({ events: [e], extra: 1 }))).toEqual([400, "InvalidParameter"]);
    expect(await status(u.post({ events: [e] }, { secret: "not-the-secret-at-all" }))).toEqual([401, "InvalidSignature"]);
    expect(await status(u.post({ events: [e] }, { keyId: "nobody" }))).toEqual([401, "InvalidSignature"]);
    expect(await status(u.post({ events: [e] }, { timestamp: Math.floor(Date.now() / 1000) - 301 }))).toEqual([401, "TokenExpired"]);
    const big = { events: [{ ...e, pad: "x".repeat(1 << 20) }] };
    expect(await status(u.post(big))).toEqual([413, "PayloadTooLarge"]);
    // signed, then re-serialized with other spacing: the signature no longer matches
    const bytes = Buffer.from(JSON.stringify({ events: [e] }));
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(u.url, {
      method: "POST",
      body: JSON.stringify({ events: [e] }, null, 1),
      headers: {
        "x-usage-key": "svc-test",
        "x-usage-timestamp": String(timestamp),
        "x-usage-signature": usageSignature("usage-test-secret-0123456789", String(timestamp), bytes),
      },
    });
    expect(res.status).toBe(401);
    expect(await ledger(aliyun, e.idempotencyKey)).toEqual([]);
  });

  it("answers ServiceUnavailable with Retry-After while the database cannot be reached", async () => {
    const urls = inject("dbUrls");
    // a loopback port nothing listens on: every connection is refused
    const refused = (url: string) => Object.assign(new URL(url), { host: "127.0.0.1:1", search: "" }).toString();
    const down = await startUsageHarness({
      dbUrls: { owner: refused(urls.owner), app: refused(urls.app), platform: refused(urls.platform), opsRo: refused(urls.opsRo) },
    });
    try {
      const e = event(aliyun);
      const r = await down.post({ events: [e] });
      expect([r.status, r.body.code]).toEqual([503, "ServiceUnavailable"]);
      expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
      // sent again once the database is back, it is recorded (once)
      expect((await u.post({ events: [e] })).body.accepted).toBe(1);
      expect(await ledger(aliyun, e.idempotencyKey)).toHaveLength(1);
    } finally {
      await down.close();
    }
  });

  it("limits each key, answering Throttling with Retry-After", async () => {
    const slow = await startUsageHarness({ perSecond: 1, burst: 2 });
    try {
      const answers = await Promise.all([1, 2, 3].map(() => slow.post({ events: [event(aliyun)] })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 429]);
      const refused = answers.find((a) => a.status === 429);
      expect(refused?.body.code).toBe("Throttling");
      expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await slow.close();
    }
  });
});
