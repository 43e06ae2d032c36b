import { z } from "zod";
import { agentEventsChannel } from "../agents";
import { managers } from "../gateway";
import { noSuchAgent } from "./agent-lookups";
import { defineAction } from "./services";

/** The agent's next call is answered AgentRevoked (it stops for good); its host no longer counts against the plan. */
export const revokeAgent = defineAction({
  name: "RevokeAgent",
  params: z.strictObject({ agentId: z.uuid() }),
  roles: managers,
  mutates: true,
  async handler({ tx, tenantId, audit }, p) {
    const [a] = await tx.query<{ id: string }>`
      UPDATE agents SET revoked_at = COALESCE(revoked_at, now()) WHERE tenant_id = ${tenantId} AND id = ${p.agentId} RETURNING id`;
    if (!a) throw noSuchAgent();
    await tx.execute`UPDATE agent_tasks SET status = 'failed', finished_at = now(), result = '{"checks":[],"reason":"revoked"}'::jsonb
      WHERE tenant_id = ${tenantId} AND agent_id = ${p.agentId} AND status IN ('queued', 'sent')`;
    // every process forgets what it cached of the agent: its next call is refused at once
    await tx.execute`SELECT pg_notify(${agentEventsChannel}, ${`changed:${p.agentId}`})`;
    await audit({ action: "agent.revoked", target: `agent:${p.agentId}`, payload: {} });
    return { agentId: p.agentId, revoked: true as const };
  },
});
