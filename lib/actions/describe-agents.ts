import { z } from "zod";
import { offlineAfterSeconds } from "../agents";
import { anyRole } from "../gateway";
import { type AgentRow, agentStatus } from "./agent-lookups";
import { isText, pageOf, pageTokenParam } from "./page-token";
import { defineAction } from "./services";

type Row = AgentRow<{
  os?: { name?: string; version?: string };
  cpu?: { cores?: number };
  memoryBytes?: number;
  disks?: { sizeBytes: number; usedBytes: number }[];
} | null>;

/**
 * The tenant's agents, by hostname, a page at a time (`nextToken`), filtered
 * by status and searched by hostname. Online means a heartbeat within three
 * intervals.
 */
export const describeAgents = defineAction({
  name: "DescribeAgents",
  params: z.strictObject({
    status: z.enum(["online", "offline", "revoked"]).optional(),
    search: z.string().trim().max(255).optional(),
    pageSize: z.number().int().min(1).max(100).default(20),
    nextToken: pageTokenParam(isText),
  }),
  roles: anyRole,
  mutates: false,
  async handler({ tx, tenantId, services }, p) {
    const online = new Date(services.now().getTime() - offlineAfterSeconds(services.agents.heartbeatSeconds) * 1000);
    const pattern = p.search ? `%${p.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const after = p.nextToken ?? { key: null, id: null };
    const rows = await tx.query<Row>`
      SELECT id, hostname, os, arch, agent_version AS "agentVersion", enrolled_at AS "enrolledAt", last_seen_at AS "lastSeenAt",
             revoked_at AS "revokedAt", inventory
      FROM agents
      WHERE tenant_id = ${tenantId}
        AND (${pattern}::text IS NULL OR hostname ILIKE ${pattern})
        AND (${p.status ?? null}::text IS NULL
             OR (${p.status ?? null} = 'revoked' AND revoked_at IS NOT NULL)
             OR (${p.status ?? null} = 'online' AND revoked_at IS NULL AND last_seen_at > ${online})
             OR (${p.status ?? null} = 'offline' AND revoked_at IS NULL AND (last_seen_at IS NULL OR last_seen_at <= ${online})))
        AND (${after.key}::text IS NULL OR (hostname, id) > (${after.key}, ${after.id}::uuid))
      ORDER BY hostname, id
      LIMIT ${p.pageSize + 1}`;
    const { page, nextToken } = pageOf(rows, p.pageSize, (a) => ({ key: a.hostname, id: a.id }));
    const now = services.now();
    return {
      agents: page.map((a) => ({
        agentId: a.id,
        hostname: a.hostname,
        status: agentStatus(a, services.agents.heartbeatSeconds, now),
        os: a.inventory?.os?.name ? `${a.inventory.os.name} ${a.inventory.os.version ?? ""}`.trim() : a.os,
        arch: a.arch,
        cpuCores: a.inventory?.cpu?.cores ?? null,
        memoryBytes: a.inventory?.memoryBytes ?? null,
        diskBytes: a.inventory?.disks?.reduce((n, d) => n + d.sizeBytes, 0) ?? null,
        diskUsedBytes: a.inventory?.disks?.reduce((n, d) => n + d.usedBytes, 0) ?? null,
        agentVersion: a.agentVersion,
        enrolledAt: a.enrolledAt.toISOString(),
        lastSeenAt: a.lastSeenAt?.toISOString() ?? null,
      })),
      nextToken,
    };
  },
});
