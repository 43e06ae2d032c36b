import { z } from "zod";
import { anyRole } from "../gateway";
import { noSuchAgent } from "./agent-lookups";
import { type TaskRow, taskOut } from "./describe-agent";
import { defineAction } from "./services";

/** An agent's tasks, newest first, with their check results. */
export const describeAgentTasks = defineAction({
  name: "DescribeAgentTasks",
  params: z.strictObject({ agentId: z.uuid(), pageSize: z.number().int().min(1).max(100).default(50) }),
  roles: anyRole,
  mutates: false,
  async handler({ tx, tenantId }, p) {
    const [a] = await tx.query`SELECT 1 FROM agents WHERE tenant_id = ${tenantId} AND id = ${p.agentId}`;
    if (!a) throw noSuchAgent();
    const tasks = await tx.query<TaskRow>`
      SELECT id, kind::text, status::text, created_at AS "createdAt", finished_at AS "finishedAt", result
      FROM agent_tasks WHERE tenant_id = ${tenantId} AND agent_id = ${p.agentId}
      ORDER BY created_at DESC LIMIT ${p.pageSize}`;
    return { tasks: tasks.map(taskOut) };
  },
});
