import { z } from "zod";
import { agentEventsChannel } from "../agents";
import { GatewayError, invalid, managers } from "../gateway";
import { currentPlan, noSuchAgent, requireFeature } from "./agent-lookups";
import { defineAction } from "./services";

const region = z.string().regex(/^[a-z]{2}(-[a-z0-9]+){1,3}$/);
const defaultRegion = { aliyun: "cn-hangzhou", aws: "us-east-1" } as const;

/** The plan's task runs a month (UTC) are a limit: counted by the tasks queued this month. */
async function requireTaskRunsLeft(tx: Parameters<typeof currentPlan>[0], tenantId: string, now: Date) {
  const plan = await currentPlan(tx, tenantId);
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [used] = await tx.query<{ n: number }>`
    SELECT count(*)::int AS n FROM agent_tasks WHERE tenant_id = ${tenantId} AND created_at >= ${month}`;
  const limit = plan?.maxTaskRunsPerMonth ?? 0;
  if ((used?.n ?? 0) >= limit)
    throw new GatewayError(
      "Forbidden",
      `the ${plan?.id ?? "current"} plan allows ${limit} task runs a month and all are used: upgrade, or wait for next month`,
      {
        reason: { key: "agents.taskRunsUsed", args: { limit } },
      },
    );
}

/**
 * Queues a task for an agent and wakes its long poll (Postgres NOTIFY, sent on
 * commit). A precheck needs the plan's `checks` feature and tests
 * reachability of the target region's endpoint (default: the tenant's cloud's
 * first region). The plan's task runs a month are a limit.
 */
export const createAgentTask = defineAction({
  name: "CreateAgentTask",
  params: z.strictObject({ agentId: z.uuid(), kind: z.enum(["precheck", "rescan"]), region: region.optional() }),
  roles: managers,
  mutates: true,
  async handler({ tx, tenantId, caller, audit, services }, p) {
    if (p.kind === "precheck") await requireFeature(tx, tenantId, "checks");
    const [a] = await tx.query<{ revoked: boolean }>`
      SELECT revoked_at IS NOT NULL AS revoked FROM agents WHERE tenant_id = ${tenantId} AND id = ${p.agentId}`;
    if (!a) throw noSuchAgent();
    if (a.revoked) throw invalid("agentId: the agent was revoked", { key: "agents.revoked" });
    await requireTaskRunsLeft(tx, tenantId, services.now());
    const provider = caller.channel === "aws" ? "aws" : "aliyun";
    const target = p.region ?? defaultRegion[provider];
    const params = p.kind === "precheck" ? { region: target, targetEndpoint: services.agents.targetEndpoint(provider, target) } : {};
    const [t] = await tx.query<{ id: string; createdAt: Date }>`
      INSERT INTO agent_tasks (tenant_id, agent_id, kind, params, created_by)
      VALUES (${tenantId}, ${p.agentId}, ${p.kind}::agent_task_kind, ${JSON.stringify(params)}::jsonb, ${caller.uid})
      RETURNING id, created_at AS "createdAt"`;
    const task = t as { id: string; createdAt: Date };
    await tx.execute`SELECT pg_notify(${agentEventsChannel}, ${`task:${p.agentId}`})`;
    await audit({ action: "agent.task.created", target: `agent:${p.agentId}`, payload: { taskId: task.id, kind: p.kind } });
    return { taskId: task.id, agentId: p.agentId, kind: p.kind, status: "queued" as const, createdAt: task.createdAt.toISOString() };
  },
});
