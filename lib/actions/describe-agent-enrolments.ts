import { z } from "zod";
import { anyRole } from "../gateway";
import { agentStatus, currentPlan } from "./agent-lookups";
import { defineAction } from "./services";

/** How many hosts the plan allows and how many are enrolled, and the latest to enrol (what Add hosts watches). */
export const describeAgentEnrolments = defineAction({
  name: "DescribeAgentEnrolments",
  params: z.strictObject({}),
  roles: anyRole,
  mutates: false,
  async handler({ tx, tenantId, services }) {
    const plan = await currentPlan(tx, tenantId);
    const [counted] = await tx.query<{ n: number }>`
      SELECT count(*)::int AS n FROM agents WHERE tenant_id = ${tenantId} AND revoked_at IS NULL`;
    const recent = await tx.query<{ id: string; hostname: string; enrolledAt: Date; lastSeenAt: Date | null; revokedAt: Date | null }>`
      SELECT id, hostname, enrolled_at AS "enrolledAt", last_seen_at AS "lastSeenAt", revoked_at AS "revokedAt"
      FROM agents WHERE tenant_id = ${tenantId} ORDER BY enrolled_at DESC LIMIT 5`;
    const hostsEnrolled = counted?.n ?? 0;
    return {
      plan: plan?.id ?? null,
      hostLimit: plan?.maxHosts ?? 0,
      hostsEnrolled,
      remaining: Math.max(0, (plan?.maxHosts ?? 0) - hostsEnrolled),
      recent: recent.map((a) => ({
        agentId: a.id,
        hostname: a.hostname,
        status: agentStatus(a, services.agents.heartbeatSeconds, services.now()),
        enrolledAt: a.enrolledAt.toISOString(),
      })),
    };
  },
});
