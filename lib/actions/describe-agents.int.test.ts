import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AgentHarness, startAgentHarness } from "../../test/agent-harness";
import { createTenant, type TestTenant } from "../../test/factories";

// Online means a heartbeat (or the enrolment) within three intervals (30 s here).
let a: AgentHarness;
let tenant: TestTenant;
const ids: Record<string, string> = {};
beforeAll(async () => {
  a = await startAgentHarness({ heartbeatSeconds: 30 });
  tenant = await createTenant(a.db.platformDb);
  const d = await a.download(tenant);
  for (const hostname of ["db-01", "db-02", "web-01", "web-02"]) ids[hostname] = (await a.enrol(d.token, { hostname })).body.agentId;
  // db-02 last heard from two minutes ago; web-02 revoked
  await a.db.platformDb.agent.updateMany({ where: { id: ids["db-02"] }, data: { lastSeenAt: new Date(Date.now() - 120_000) } });
  await a.h.call("RevokeAgent", { agentId: ids["web-02"] }, { tenant });
});
afterAll(() => a.close());

const describeAgents = async (params: object) => (await a.h.call("DescribeAgents", params, { tenant })).body;
const names = (body: { data: { agents: { hostname: string }[] } }) => body.data.agents.map((h) => h.hostname);

describe("DescribeAgents", () => {
  it("a host is online from its enrolment, offline after three silent intervals, revoked once revoked; the filter agrees", async () => {
    expect((await describeAgents({})).data.agents.map((h: { hostname: string; status: string }) => [h.hostname, h.status])).toEqual([
      ["db-01", "online"],
      ["db-02", "offline"],
      ["web-01", "online"],
      ["web-02", "revoked"],
    ]);
    expect(names(await describeAgents({ status: "online" }))).toEqual(["db-01", "web-01"]);
    expect(names(await describeAgents({ status: "offline" }))).toEqual(["db-02"]);
    expect(names(await describeAgents({ status: "revoked" }))).toEqual(["web-02"]);
  });

  it("searches hostnames (LIKE's wildcards are literal) and pages by hostname without losing or repeating a host", async () => {
    expect(names(await describeAgents({ search: "WEB" }))).toEqual(["web-01", "web-02"]);
    expect(names(await describeAgents({ search: "%" }))).toEqual([]);
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const body = await describeAgents({ pageSize: 3, ...(nextToken && { nextToken }) });
      seen.push(...names(body));
      nextToken = body.data.nextToken ?? undefined;
    } while (nextToken);
    expect(seen).toEqual(["db-01", "db-02", "web-01", "web-02"]);
    expect((await describeAgents({ nextToken: "not-a-token" })).code).toBe("InvalidParameter");
  });
});

describe("CreateAgentTask", () => {
  it("counts against the plan's task runs a month: past the limit it is refused with the limit named, nothing queued", async () => {
    const t = await createTenant(a.db.platformDb);
    await a.db.platformDb.subscription.updateMany({ where: { tenantId: t.id }, data: { plan: "basic" } });
    const d = await a.download(t);
    const agentId = (await a.enrol(d.token, { hostname: "limited-01" })).body.agentId as string;
    // the month's runs but one, queued earlier this month
    await a.db.platformDb.agentTask.createMany({
      data: Array.from({ length: 199 }, () => ({ tenantId: t.id, agentId, kind: "rescan" as const, createdBy: "test" })),
    });
    expect((await a.h.call("CreateAgentTask", { agentId, kind: "rescan" }, { tenant: t })).body.success).toBe(true);
    const refused = (await a.h.call("CreateAgentTask", { agentId, kind: "rescan" }, { tenant: t })).body;
    expect(refused).toMatchObject({ code: "Forbidden", message: expect.stringContaining("200 task runs a month") });
    expect(await a.db.platformDb.agentTask.count({ where: { tenantId: t.id } })).toBe(200);
  });
});
