import { describe, expect, it } from "vitest";
import type { AgentDirectory } from "./agent-directory";
import { signedCallHeaders, verifySignedCall } from "./signed-call";

const agent = { id: "4b1f9a3e-8c1d-4e2a-9f6b-2d7c5e8a1b3c", tenantId: "t", secret: "agent-secret", revoked: false };
const agents = { find: async (id: string) => (id === agent.id ? agent : undefined) } as unknown as AgentDirectory;

describe("an agent's signed call and the server's clock", () => {
  it("is in within 300 s either way, the spec's now being whole seconds, and out past it", async () => {
    const now = 1_767_225_600_000 + 999; // mid-second: 300 s off by whole seconds is still in
    const codeAt = async (skewSeconds: number) => {
      const body = Buffer.from("{}");
      const headers = signedCallHeaders(agent.id, agent.secret, "POST", "/agent/v1/heartbeat", body, now + skewSeconds * 1000);
      try {
        await verifySignedCall(
          { method: "POST", pathWithQuery: "/agent/v1/heartbeat", headers, body },
          { agents, remember: () => true, now: () => now },
        );
        return "accepted";
      } catch (err) {
        return (err as { code: string }).code;
      }
    };
    expect([await codeAt(-300), await codeAt(300), await codeAt(-301), await codeAt(301)]).toEqual([
      "accepted",
      "accepted",
      "TokenExpired",
      "TokenExpired",
    ]);
  });
});
