import { z } from "zod";
import { anyRole } from "../gateway";
import { noSuchAgent } from "./agent-lookups";
import { type TaskRow, taskOut } from "./describe-agent";
import { isInstant, pageOf, pageTokenParam } from "./page-token";
import { defineAction } from "./services";

/** An agent's tasks, newest first, with their check results, a page at a time. */
export const describeAgentTasks = defineAction({
  name: "DescribeAgentTasks",
  params: z.strictObject({
    agentId: z.uuid(),
    pageSize: z.number().int().min(1).max(100).default(50),
    /** the nextToken of the previous page */
    nextToken: pageTokenParam(isInstant),
  }),
  roles: anyRole,
  mutates: false,
  async handler({ tx, tenantId }, p) {
    const [a] = await tx.query`SELECT 1 FROM agents WHERE tenant_id = ${tenantId} AND id = ${p.agentId}`;
    if (!a) throw noSuchAgent();
    const after = p.nextToken ?? { key: null, id: null };
    const rows = await tx.query<TaskRow>`
      SELECT id, kind::text, status::text, created_at AS "createdAt", finished_at AS "finishedAt", result
      FROM agent_tasks
      WHERE tenant_id = ${tenantId} AND agent_id = ${p.agentId}
        AND (${after.key}::timestamptz IS NULL OR (created_at, id) < (${after.key}::timestamptz, ${after.id}::uuid))
      ORDER BY created_at DESC, id DESC
      LIMIT ${p.pageSize + 1}`;
    const { page, nextToken } = pageOf(rows, p.pageSize, (t) => ({ key: t.createdAt.toISOString(), id: t.id }));
    return { tasks: page.map(taskOut), nextToken };
  },
});
