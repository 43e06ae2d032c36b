import type pg from "pg";
import { z } from "zod";
import { planById, planWithMoreHosts } from "../billing";
import type { SealKey } from "../config";
import { withTenant } from "../db";
import { AgentError } from "./agent-error";
import { agentEventsChannel } from "./agent-events";
import { agentSecret } from "./seal";
import { openEnrolmentToken } from "./tokens";

export const enrolSchema = z.object({
  token: z.string().min(1).max(4096),
  host: z.object({
    hostname: z.string().min(1).max(255),
    machineId: z.string().min(8).max(128),
    os: z.string().min(1).max(32),
    arch: z.string().min(1).max(32),
  }),
});

export type Enrolled = { tenantId: string; agentId: string; agentSecret: string };

type DownloadState = {
  revoked: boolean;
  enrolments: number;
  maxEnrolments: number;
  entitled: boolean;
  plan: string | null;
  hosts: number;
};

/**
 * Exchanges an enrolment token for an agent (agent-channel.md §3), inside the
 * token's own tenant (row-level security: a token of tenant A can only ever
 * write A's rows). The same machine enrolling again keeps its agent id, moves
 * to a new generation (a new secret; the old one stops working) and uses no
 * enrolment. The download row is locked, so concurrent enrolments cannot
 * exceed its count or the plan's host limit. Enrolling is contact: the
 * agent is last seen now, so a new host shows online at once.
 */
export async function enrol(
  deps: {
    appPool: pg.Pool;
    keys: readonly SealKey[];
    now: () => number;
    /** the tenant's rate limit: 0 when an enrolment may go ahead, else the seconds to wait */
    throttle: (tenantId: string) => number;
  },
  body: z.output<typeof enrolSchema>,
): Promise<Enrolled> {
  const grant = openEnrolmentToken(deps.keys, body.token);
  if (!grant) throw new AgentError("InvalidToken", "the enrolment token is not valid: download the agent again from the console");
  if (grant.expiresAt.getTime() < deps.now())
    throw new AgentError("TokenExpired", "the enrolment token has expired: create a new download in the console");
  const wait = deps.throttle(grant.tenantId);
  if (wait) throw new AgentError("Throttling", "too many calls for this tenant: slow down", wait);
  const [sealKey] = deps.keys;
  if (!sealKey) throw new Error("no seal key");
  return withTenant(deps.appPool, grant.tenantId, async (tx) => {
    const [d] = await tx.query<DownloadState>`
      SELECT d.revoked_at IS NOT NULL AS revoked, d.enrolments, d.max_enrolments AS "maxEnrolments",
             (t.status = 'active' AND t.suspended_at IS NULL AND s.status = 'active' AND (s.expires_at IS NULL OR s.expires_at > now())) AS entitled,
             s.plan,
             (SELECT count(*)::int FROM agents WHERE tenant_id = ${grant.tenantId} AND revoked_at IS NULL) AS hosts
      FROM agent_downloads d
      JOIN tenants t ON t.id = d.tenant_id
      LEFT JOIN LATERAL (
        SELECT status, expires_at, plan FROM subscriptions WHERE tenant_id = d.tenant_id ORDER BY starts_at DESC LIMIT 1
      ) s ON true
      WHERE d.tenant_id = ${grant.tenantId} AND d.id = ${grant.downloadId}
      FOR UPDATE OF d`;
    if (!d) throw new AgentError("InvalidToken", "the enrolment token is not valid: download the agent again from the console");
    if (d.revoked) throw new AgentError("TokenRevoked", "this download was revoked in the console: create a new one");
    if (!d.entitled) throw new AgentError("TenantFrozen", "the subscription has lapsed or the account is suspended: renew it to add hosts");
    const { host } = body;
    const [existing] = await tx.query<{ id: string; generation: number; revoked: boolean }>`
      SELECT id, generation, revoked_at IS NOT NULL AS revoked FROM agents
      WHERE tenant_id = ${grant.tenantId} AND machine_id = ${host.machineId}
      FOR UPDATE`;
    let agentId: string;
    let generation: number;
    if (existing) {
      if (existing.revoked) checkHostLimit(d);
      generation = existing.generation + 1;
      agentId = existing.id;
      await tx.execute`
        UPDATE agents SET generation = ${generation}, secret_key_id = ${sealKey.keyId}, hostname = ${host.hostname},
               os = ${host.os}, arch = ${host.arch}, revoked_at = NULL, enrolled_at = now(), last_seen_at = now()
        WHERE tenant_id = ${grant.tenantId} AND id = ${agentId}`;
    } else {
      checkHostLimit(d);
      const limit = Math.min(d.maxEnrolments, grant.maxEnrolments);
      if (d.enrolments >= limit)
        throw new AgentError(
          "EnrolmentLimit",
          `this download was used for ${limit} hosts, its limit: create a new download in the console`,
        );
      generation = 1;
      const [row] = await tx.query<{ id: string }>`
        INSERT INTO agents (tenant_id, download_id, machine_id, hostname, os, arch, generation, secret_key_id, last_seen_at)
        VALUES (${grant.tenantId}, ${grant.downloadId}, ${host.machineId}, ${host.hostname}, ${host.os}, ${host.arch}, 1, ${sealKey.keyId}, now())
        RETURNING id`;
      agentId = (row as { id: string }).id;
      await tx.execute`UPDATE agent_downloads SET enrolments = enrolments + 1 WHERE tenant_id = ${grant.tenantId} AND id = ${grant.downloadId}`;
    }
    await tx.execute`SELECT pg_notify(${agentEventsChannel}, ${`changed:${agentId}`})`;
    const secret = agentSecret(deps.keys, sealKey.keyId, agentId, generation) as string;
    return { tenantId: grant.tenantId, agentId, agentSecret: secret };
  });
}

function checkHostLimit(d: DownloadState) {
  const plan = planById(d.plan);
  if (!plan || d.hosts < plan.maxHosts) return;
  const more = planWithMoreHosts(plan.maxHosts);
  throw new AgentError(
    "EnrolmentLimit",
    `the ${plan.id} plan allows ${plan.maxHosts} hosts and all are enrolled` +
      (more ? `: the ${more.id} plan allows ${more.maxHosts}` : ": revoke an agent to make room"),
  );
}
