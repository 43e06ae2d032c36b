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
// each tenant's one agent (the other's has no tasks)
const agentOf: Record<string, string> = {};
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
  for (const t of [tenant, other]) agentOf[t.id] = (await createAgent(h.db.platformDb, t.id)).id;
  await h.db.platformDb.agentTask.createMany({
    data: Array.from({ length: 7 }, (_, i) => ({
      tenantId: tenant.id,
      agentId: agentOf[tenant.id] as string,
      kind: "precheck" as const,
      createdBy: "test",
      createdAt: at(i),
    })),
  });
});
afterAll(() => h.close());

/** Every row of a list, two a page, following nextToken to its end; and how many pages that took. */
async function allPages(action: string, params: object, items: string, by: TestTenant) {
  const rows: Record<string, string>[] = [];
  let pages = 0;
  let nextToken: string | undefined;
  do {
    const r = await h.call(action, { ...params, pageSize: 2, ...(nextToken && { nextToken }) }, { tenant: by });
    expect(r.body.code).toBe("OK");
    rows.push(...r.body.data[items]);
    pages++;
    nextToken = r.body.data.nextToken ?? undefined;
  } while (nextToken);
  return { rows, pages };
}

describe.each([
  { action: "ListOrders", items: "orders", id: "id", time: "at", params: (_: TestTenant) => ({}) },
  {
    action: "DescribeAgentTasks",
    items: "tasks",
    id: "taskId",
    time: "createdAt",
    params: (t: TestTenant) => ({ agentId: agentOf[t.id] }),
  },
])("$action pages newest first", ({ action, items, id, time, params }) => {
  it("shows every row once, in order, however the pages fall among rows of one time", async () => {
    const { rows, pages } = await allPages(action, params(tenant), items, tenant);
    expect(pages).toBe(4);
    expect(new Set(rows.map((r) => r[id])).size).toBe(7);
    const times = rows.map((r) => r[time] as string);
    expect(times).toEqual([...times].sort().reverse());
    // the last page says so
    const whole = await h.call(action, { ...params(tenant), pageSize: 7 }, { tenant });
    expect(whole.body.data.nextToken).toBeNull();
  });

  it("pages only the caller's rows, whoever's token it follows", async () => {
    const first = await h.call(action, { ...params(tenant), pageSize: 1 }, { tenant });
    expect(first.body.data.nextToken).toBeTypeOf("string");
    const r = await h.call(action, { ...params(other), nextToken: first.body.data.nextToken }, { tenant: other });
    expect([r.body.code, r.body.data[items]]).toEqual(["OK", []]);
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
