import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AgentHarness, startAgentHarness } from "../../test/agent-harness";
import { createTenant } from "../../test/factories";

// buckets that do not refill within the test: each call spends one token
let a: AgentHarness;
beforeAll(async () => {
  a = await startAgentHarness({ limits: { agent: { perSecond: 0.001, burst: 2 }, tenant: { perSecond: 0.001, burst: 4 } } });
});
afterAll(() => a.close());

describe("the agent channel's rate limits (agent-channel.md §3, §4)", () => {
  it("answers Throttling with Retry-After past an agent's limit, and past its tenant's, enrolment included", async () => {
    const t = await createTenant(a.db.platformDb);
    const d = await a.download(t);
    const first = await a.enrol(d.token); // the tenant's first token
    expect(first.status).toBe(201);
    const beat = () => a.signed(first.body, "POST", "/api/agent/v1/heartbeat", { agentVersion: "1.0.0" });
    expect([(await beat()).status, (await beat()).status]).toEqual([200, 200]); // the agent's two, the tenant's next two
    const third = await beat();
    expect([third.status, third.body.code]).toEqual([429, "Throttling"]);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    // the tenant has one token left: one more host enrols, the next is throttled
    expect((await a.enrol(d.token)).status).toBe(201);
    const throttled = await a.enrol(d.token);
    expect([throttled.status, throttled.body.code]).toEqual([429, "Throttling"]);
  });
});
