import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AgentHarness, startAgentHarness } from "../../test/agent-harness";
import { createTenant, type TestTenant } from "../../test/factories";

// Tenant A calls every agent action with tenant B's ids: the same answer as an
// unknown id, and B's rows stay as they were.
let a: AgentHarness;
let tenantA: TestTenant;
let tenantB: TestTenant;
const b = { agentId: "", taskId: "", downloadId: "" };
beforeAll(async () => {
  a = await startAgentHarness();
  tenantA = await createTenant(a.db.platformDb);
  tenantB = await createTenant(a.db.platformDb);
  const d = await a.download(tenantB);
  b.downloadId = d.downloadId;
  b.agentId = (await a.enrol(d.token)).body.agentId;
  b.taskId = (await a.h.call("CreateAgentTask", { agentId: b.agentId, kind: "rescan" }, { tenant: tenantB })).body.data.taskId;
});
afterAll(() => a.close());

const stateOfB = async () => ({
  agent: await a.db.platformDb.agent.findFirstOrThrow({ where: { id: b.agentId } }),
  tasks: await a.db.platformDb.agentTask.findMany({ where: { tenantId: tenantB.id }, orderBy: { createdAt: "asc" } }),
  download: await a.db.platformDb.agentDownload.findFirstOrThrow({ where: { id: b.downloadId } }),
});

describe("agent actions across tenants", () => {
  it("every action with B's ids answers A as for ids that do not exist, and changes nothing of B's", async () => {
    const before = await stateOfB();
    const calls: [string, object, string][] = [
      ["DescribeAgent", { agentId: b.agentId }, "agentId: no such agent"],
      ["DescribeAgentTasks", { agentId: b.agentId }, "agentId: no such agent"],
      ["CreateAgentTask", { agentId: b.agentId, kind: "rescan" }, "agentId: no such agent"],
      ["RevokeAgent", { agentId: b.agentId }, "agentId: no such agent"],
      ["RevokeAgentDownload", { downloadId: b.downloadId }, "downloadId: no such download"],
    ];
    for (const [action, params, message] of calls) {
      const r = await a.h.call(action, params, { tenant: tenantA });
      expect([action, r.status, r.body.code, r.body.message]).toEqual([action, 400, "InvalidParameter", message]);
    }
    const lists = {
      DescribeAgents: (await a.h.call("DescribeAgents", {}, { tenant: tenantA })).body.data,
      ListAgentDownloads: (await a.h.call("ListAgentDownloads", {}, { tenant: tenantA })).body.data,
    };
    expect(lists).toEqual({ DescribeAgents: { agents: [], nextToken: null }, ListAgentDownloads: { downloads: [] } });
    expect(await stateOfB()).toEqual(before);
  });
});
