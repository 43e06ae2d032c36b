import { z } from "zod";
import { anyRole } from "../gateway";
import { type AgentRow, agentStatus, noSuchAgent } from "./agent-lookups";
import { defineAction } from "./services";

type Row = AgentRow & { machineId: string; inventoryAt: Date | null };

/** One agent: its inventory, its last heartbeat, and its latest tasks with their results. */
export const describeAgent = defineAction({
  name: "DescribeAgent",
  params: z.strictObject({ agentId: z.uuid() }),
  roles: anyRole,
  mutates: false,
  async handler({ tx, tenantId, services }, p) {
    const [a] = await tx.query<Row>`
      SELECT id, hostname, machine_id AS "machineId", os, arch, agent_version AS "agentVersion", enrolled_at AS "enrolledAt",
             last_seen_at AS "lastSeenAt", revoked_at AS "revokedAt", inventory, inventory_at AS "inventoryAt"
      FROM agents WHERE tenant_id = ${tenantId} AND id = ${p.agentId}`;
    if (!a) throw noSuchAgent();
    const tasks = await tx.query<TaskRow>`
      SELECT id, kind::text, status::text, created_at AS "createdAt", finished_at AS "finishedAt", result
      FROM agent_tasks WHERE tenant_id = ${tenantId} AND agent_id = ${p.agentId}
      ORDER BY created_at DESC, id DESC LIMIT 20`;
    return {
      agentId: a.id,
      hostname: a.hostname,
      machineId: a.machineId,
      status: agentStatus(a, services.agents.heartbeatSeconds, services.now()),
      os: a.os,
      arch: a.arch,
      agentVersion: a.agentVersion,
      enrolledAt: a.enrolledAt.toISOString(),
      lastSeenAt: a.lastSeenAt?.toISOString() ?? null,
      revokedAt: a.revokedAt?.toISOString() ?? null,
      inventory: a.inventory,
      inventoryAt: a.inventoryAt?.toISOString() ?? null,
      tasks: tasks.map(taskOut),
    };
  },
});

export type TaskRow = { id: string; kind: string; status: string; createdAt: Date; finishedAt: Date | null; result: unknown };

export const taskOut = (t: TaskRow) => ({
  taskId: t.id,
  kind: t.kind,
  status: t.status,
  createdAt: t.createdAt.toISOString(),
  finishedAt: t.finishedAt?.toISOString() ?? null,
  checks: (t.result as { checks?: { name: string; result: string; detail?: string }[] } | null)?.checks ?? [],
});
