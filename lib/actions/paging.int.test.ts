import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createAgent, createTenant, type TestTenant } from "../../test/factories";
import { type Harness, startHarness } from "../../test/gateway-harness";
import { registry } from "./index";

// The lists that page newest first by a time: ListOrders and DescribeAgentTasks
// (ListAuditEvents: update-tenant-profile.int.test.ts). Rows share times the
// way a marketplace push or a batch of tasks leaves them, so that a page
// boundary falls inside one millisecond.
let h: Harness;
let tenant: TestTenant;
let other: TestTenant;
let agentId: string;
const at = (i: number) => new Date(Date.UTC(2026, 10, 1) + Math.floor(i / 3) * 60_000);
beforeAll(async () => {
  h = await startHarness();
  tenant = await createTenant(h.db.platformDb);
  other = await createTenant(h.db.platformDb);
  await h.db.platformDb.marketplaceOrder.createMany({
    data: Array.from({ length: 7 }, (_, i) => ({
      tenantId: tenant.id,
      at: at(i),
      instanceId: "i-1",
      action: "renewInstance",
      orderId: `o-${i}`,
    })),
  });
  agentId = (await createAgent(h.db.platformDb, tenant.id)).id;
  await h.db.platformDb.agentTask.createMany({
    data: Array.from({ length: 7 }, (_, i) => ({
      tenantId: tenant.id,
      agentId,
      kind: "precheck" as const,
      createdBy: "test",
      createdAt: at(i),
    })),
  });
});
afterAll(() => h.close());

/** Every page of a list, following nextToken to its end. */
async function pages(action: string, params: object, items: string, by: TestTenant) {
  const all: { data: Record<string, { at?: string; createdAt?: string }[]>; pages: number } = { data: { [items]: [] }, pages: 0 };
  let nextToken: string | undefined;
  do {
    const r = await h.call(action, { ...params, pageSize: 2, ...(nextToken && { nextToken }) }, { tenant: by });
    expect(r.body.code).toBe("OK");
    all.data[items]?.push(...r.body.data[items]);
    all.pages++;
    nextToken = r.body.data.nextToken ?? undefined;
  } while (nextToken);
  return all;
}

describe.each([
  { action: "ListOrders", items: "orders", id: "id", time: "at", params: () => ({}) },
  { action: "DescribeAgentTasks", items: "tasks", id: "taskId", time: "createdAt", params: () => ({ agentId }) },
])("$action pages newest first", ({ action, items, id, time, params }) => {
  it("shows every row once, in order, however the pages fall among rows of one time", async () => {
    const { data, pages: n } = await pages(action, params(), items, tenant);
    const rows = data[items] as Record<string, string>[];
    expect(n).toBe(4);
    expect(new Set(rows.map((r) => r[id])).size).toBe(7);
    const times = rows.map((r) => r[time] as string);
    expect(times).toEqual([...times].sort().reverse());
    // the last page says so
    const whole = await h.call(action, { ...params(), pageSize: 7 }, { tenant });
    expect(whole.body.data.nextToken).toBeNull();
  });

  it("pages only the caller's rows, whoever's token it follows", async () => {
    const first = await h.call(action, { ...params(), pageSize: 1 }, { tenant });
    const r = await h.call(action, { ...params(), nextToken: first.body.data.nextToken }, { tenant: other });
    // another tenant's agent is no agent of the caller's; its orders are none of the caller's
    if (action === "DescribeAgentTasks") expect(r.body.code).toBe("InvalidParameter");
    else expect(r.body.data[items]).toEqual([]);
  });
});

// every list that takes a nextToken, and what it sorts by: a new one fails the first test until it is named here
const paged = [...registry.values()].filter((a) => a.params instanceof z.ZodObject && "nextToken" in a.params.shape).map((a) => a.name);
const sortedBy: Record<string, "time" | "hostname"> = {
  ListAuditEvents: "time",
  ListOrders: "time",
  DescribeAgentTasks: "time",
  DescribeAgents: "hostname",
  DescribeSizingRecommendations: "hostname",
};

describe("a malformed nextToken is InvalidParameter, before any work, for every list that pages", () => {
  const token = (key: unknown, id: unknown = "0192f0c4-0000-7000-8000-000000000000") =>
    Buffer.from(JSON.stringify([key, id])).toString("base64url");
  const malformed = {
    "not a token": "garbage",
    "a key of no list": token(42),
    "an id that is no uuid": token("2026-11-01T00:00:00.000Z", "1"),
    "a NUL, which Postgres text cannot hold": token("db-01\u0000"),
  };
  const malformedTime = {
    "no time": token("db-01"),
    "year 0, which Postgres refuses": token("0000-01-01T00:00:00.000Z"),
    "a time toISOString does not write": token("2026-11-01T00:00:00Z"),
  };
  it("knows what each list sorts by", () => {
    expect(paged.sort()).toEqual(Object.keys(sortedBy).sort());
  });
  it.each(paged)("%s", async (action) => {
    const cases = { ...malformed, ...(sortedBy[action] === "time" && malformedTime) };
    for (const [what, nextToken] of Object.entries(cases)) {
      const r = await h.call(action, { nextToken }, { tenant });
      expect([what, r.status, r.body.code, r.body.message]).toEqual([
        what,
        400,
        "InvalidParameter",
        expect.stringContaining("nextToken: malformed"),
      ]);
    }
  });
});
