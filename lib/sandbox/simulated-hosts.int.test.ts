import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AgentHarness, startAgentHarness } from "../../test/agent-harness";
import { createTenant, type TestTenant } from "../../test/factories";
import { simulateHosts } from "./simulated-hosts";

let a: AgentHarness;
let tenant: TestTenant;
beforeAll(async () => {
  a = await startAgentHarness();
  tenant = await createTenant(a.db.platformDb);
});
afterAll(() => a.close());

describe("simulated hosts (the sandbox's demo and load fleet)", () => {
  it("enrol with a real download's token, report inventories, show online and answer tasks, through the real channel", async () => {
    const d = await a.download(tenant);
    const fleet = await simulateHosts({ origin: a.baseUrl, token: d.token, count: 5, heartbeatMs: 200 });
    try {
      await expect.poll(async () => (await a.h.call("DescribeAgents", { status: "online" }, { tenant })).body.data.agents.length).toBe(5);
      const [first] = (await a.h.call("DescribeAgents", {}, { tenant })).body.data.agents;
      expect(first).toMatchObject({ hostname: `sim-${fleet.id}-001`, cpuCores: 2, os: "Ubuntu 22.04" });
      const task = (await a.h.call("CreateAgentTask", { agentId: first.agentId, kind: "precheck" }, { tenant })).body.data;
      await expect
        .poll(async () => (await a.h.call("DescribeAgentTasks", { agentId: first.agentId }, { tenant })).body.data.tasks[0]?.status)
        .toBe("succeeded");
      expect(task.kind).toBe("precheck");
    } finally {
      fleet.stop();
    }
  });
});
