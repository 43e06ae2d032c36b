import type { IncomingMessage, ServerResponse } from "node:http";
import type pg from "pg";
import { z } from "zod";
import type { SealKey } from "../config";
import { type PrismaClient, readAsTenant, withTenant } from "../db";
import { createRateLimiter, type RateLimit } from "../gateway";
import { sendJson, sendRefusal } from "../http";
import type { Logger } from "../log";
import { createAgentDirectory, type KnownAgent } from "./agent-directory";
import { AgentError } from "./agent-error";
import { createTaskWaiters, listenForAgentEvents } from "./agent-events";
import { enrol, enrolSchema } from "./enrol";
import { createHeartbeatLog } from "./heartbeat-log";
import { parseJsonObject, readBody } from "./http-body";
import { type Inventory, inventoryHash, inventorySchema } from "./inventory";
import { createNonceMemory } from "./nonce-memory";
import { offlineAfterSeconds } from "./online";
import { verifySignedCall } from "./signed-call";
import { taskParams } from "./task-params";

export type AgentChannelDeps = {
  appPool: pg.Pool;
  platformDb: PrismaClient;
  /** where the channel listens for task and agent events (the platform role's URL) */
  listenUrl: string;
  keys: readonly SealKey[];
  heartbeatSeconds: number;
  lastSeenFlushMs: number;
  limits: { agent: RateLimit; tenant: RateLimit };
  log: Logger;
  /** a database outage goes to the process's outage log (one line per interval); false when the error is not one */
  reportOutage: (by: string, err: unknown) => boolean;
  now?: () => number;
};

const base = "/api/agent/v1/";
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const heartbeatSchema = z.object({ agentVersion: z.string().max(32).optional(), inventory: inventorySchema.optional() });
const resultSchema = z.object({
  status: z.enum(["succeeded", "failed"]),
  checks: z
    .array(z.object({ name: z.string().min(1).max(64), result: z.enum(["pass", "warn", "fail"]), detail: z.string().max(1000).optional() }))
    .max(64)
    .default([]),
  inventory: inventorySchema.optional(),
});

export const isAgentPath = (url: string) => url.startsWith(base);

/**
 * The agents' upward channel on the fast path (shared/specs/agent-channel.md):
 * enrol, heartbeat, tasks by long poll, results. Heartbeats cost no database
 * round trip (agents are cached, last-seen times written in batches); a long
 * poll holds no connection while it waits (woken by Postgres NOTIFY).
 */
export function createAgentChannel(deps: AgentChannelDeps) {
  const now = deps.now ?? Date.now;
  const agents = createAgentDirectory({ platformDb: deps.platformDb, keys: deps.keys });
  const nonces = createNonceMemory();
  const heartbeats = createHeartbeatLog({
    platformDb: deps.platformDb,
    flushMs: deps.lastSeenFlushMs,
    offlineAfterMs: offlineAfterSeconds(deps.heartbeatSeconds) * 1000,
    log: deps.log,
    reportOutage: deps.reportOutage,
  });
  const waiters = createTaskWaiters();
  const events = listenForAgentEvents({
    url: deps.listenUrl,
    log: deps.log,
    reportOutage: deps.reportOutage,
    onTask: waiters.wake,
    onChanged: agents.forget,
  });
  const perAgent = createRateLimiter(deps.limits.agent, now);
  const perTenant = createRateLimiter(deps.limits.tenant, now);

  /** A signed call's agent, within its rate limits. */
  async function caller(req: IncomingMessage, body: Buffer): Promise<KnownAgent> {
    const agent = await verifySignedCall(
      { method: req.method ?? "", pathWithQuery: req.url ?? "", headers: req.headers, body },
      { agents, remember: nonces.remember, now },
    );
    const wait = perAgent(agent.id) || perTenant(agent.tenantId);
    if (wait) throw new AgentError("Throttling", "too many calls: slow down", wait);
    return agent;
  }

  async function heartbeat(req: IncomingMessage, body: Buffer) {
    const agent = await caller(req, body);
    const beat = parse(heartbeatSchema, parseJsonObject(body));
    if (beat.inventory) await storeInventory(agent, beat.inventory);
    const at = now();
    const hour = Math.floor(at / 3_600_000);
    const startsHour = agent.usageHour !== hour;
    agent.usageHour = hour;
    heartbeats.record(agent.id, agent.tenantId, at, beat.agentVersion, startsHour ? hour : undefined);
    const next = (await agents.paused(agent.tenantId)) ? "pause" : "continue";
    return { status: 200, body: { next, heartbeatSeconds: deps.heartbeatSeconds } };
  }

  async function storeInventory(agent: KnownAgent, inventory: Inventory) {
    const hash = inventoryHash(inventory);
    if (hash === agent.inventoryHash) return;
    await withTenant(deps.appPool, agent.tenantId, async (tx) => {
      await tx.execute`
        UPDATE agents SET inventory = ${JSON.stringify(inventory)}::jsonb, inventory_hash = ${hash}, inventory_at = now(),
               hostname = ${inventory.hostname}
        WHERE tenant_id = ${agent.tenantId} AND id = ${agent.id}`;
    });
    agent.inventoryHash = hash;
  }

  async function tasks(req: IncomingMessage, url: URL, signal: AbortSignal) {
    const agent = await caller(req, Buffer.alloc(0));
    const wait = url.searchParams.get("wait") ?? "0";
    if (!/^([0-9]|[12][0-9]|30)$/.test(wait)) throw new AgentError("InvalidParameter", "wait must be 0..30 seconds");
    const deadline = now() + Number(wait) * 1000;
    for (;;) {
      // paused: keep heartbeating, run no tasks (spec §4)
      const found = (await agents.paused(agent.tenantId)) ? [] : await takeTasks(agent);
      if (found.length || now() >= deadline || signal.aborted) return { status: 200, body: { tasks: found } };
      await waiters.wait(agent.id, deadline - now(), signal); // no connection held while waiting
    }
  }

  /** The agent's queued tasks (and any sent over 5 minutes ago without a result), marked sent. */
  async function takeTasks(agent: KnownAgent) {
    const [open] = await readAsTenant(
      deps.appPool,
      agent.tenantId,
      (tx) => tx.query<{ n: number }>`
        SELECT count(*)::int AS n FROM agent_tasks
        WHERE tenant_id = ${agent.tenantId} AND agent_id = ${agent.id}
          AND (status = 'queued' OR (status = 'sent' AND sent_at < now() - interval '5 minutes'))`,
    );
    if (!open?.n) return [];
    const rows = await withTenant(
      deps.appPool,
      agent.tenantId,
      (tx) => tx.query<{ id: string; kind: string; params: Record<string, unknown> }>`
        WITH due AS (
          SELECT id FROM agent_tasks
          WHERE tenant_id = ${agent.tenantId} AND agent_id = ${agent.id}
            AND (status = 'queued' OR (status = 'sent' AND sent_at < now() - interval '5 minutes'))
          ORDER BY created_at LIMIT 10 FOR UPDATE SKIP LOCKED)
        UPDATE agent_tasks t SET status = 'sent', sent_at = now()
        FROM due WHERE t.tenant_id = ${agent.tenantId} AND t.id = due.id
        RETURNING t.id, t.kind::text, t.params`,
    );
    return rows.map((t) => ({ id: t.id, kind: t.kind, params: { ...t.params, ...taskParams(t.kind, now()) } }));
  }

  async function result(req: IncomingMessage, taskId: string, body: Buffer) {
    const agent = await caller(req, body);
    const r = parse(resultSchema, parseJsonObject(body));
    if (!uuid.test(taskId)) throw new AgentError("NotFound", "no such task for this agent");
    const finished = await withTenant(deps.appPool, agent.tenantId, async (tx) => {
      const [task] = await tx.query<{ id: string }>`
        UPDATE agent_tasks SET status = ${r.status}::agent_task_status, finished_at = now(),
               result = ${JSON.stringify({ checks: r.checks })}::jsonb
        WHERE tenant_id = ${agent.tenantId} AND id = ${taskId}::uuid AND agent_id = ${agent.id} AND status IN ('queued', 'sent')
        RETURNING id`;
      if (!task) return false;
      // a task run is billed once, whatever happens after (idempotency key: the task)
      await tx.execute`
        INSERT INTO usage_events (tenant_id, metric, quantity, occurred_at, idempotency_key, source)
        VALUES (${agent.tenantId}, 'task_runs', 1, now(), ${`task:${taskId}`}, 'agent')
        ON CONFLICT (tenant_id, idempotency_key) DO NOTHING`;
      return true;
    });
    if (!finished) throw new AgentError("NotFound", "no such task for this agent, or it is finished already");
    if (r.inventory) await storeInventory(agent, r.inventory);
    return { status: 200, body: {} };
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<{ status: number; body: unknown }> {
    const url = new URL(req.url ?? "/", "http://agent.invalid");
    const path = url.pathname.slice(base.length);
    if (req.method === "GET" && path === "tasks") {
      const gone = new AbortController();
      res.once("close", () => gone.abort());
      return tasks(req, url, gone.signal);
    }
    if (req.method !== "POST") throw new AgentError("NotFound", "no such endpoint");
    const body = await readBody(req);
    if (path === "enroll") {
      const enrolled = await enrol(
        { appPool: deps.appPool, keys: deps.keys, now, throttle: perTenant },
        parse(enrolSchema, parseJsonObject(body)),
      );
      agents.forget(enrolled.agentId);
      return {
        status: 201,
        body: { agentId: enrolled.agentId, agentSecret: enrolled.agentSecret, heartbeatSeconds: deps.heartbeatSeconds },
      };
    }
    if (path === "heartbeat") return heartbeat(req, body);
    const task = /^tasks\/([^/]+)\/result$/.exec(path);
    if (task) return result(req, task[1] as string, body);
    throw new AgentError("NotFound", "no such endpoint");
  }

  return {
    async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
      try {
        const out = await route(req, res);
        sendJson(res, out.status, out.body);
      } catch (err) {
        if (err instanceof AgentError) return sendRefusal(res, err);
        if (deps.reportOutage("agent channel", err))
          return sendRefusal(res, new AgentError("ServiceUnavailable", "the service is temporarily unavailable; retry later", 5));
        deps.log.error({ err, path: req.url?.split("?")[0] }, "agent channel failed");
        sendRefusal(res, new AgentError("InternalError", "internal error"));
      }
    },
    start: () => events.start(),
    /** batches written so far (the benchmark's write transactions) */
    heartbeatWrites: heartbeats.writes,
    async close() {
      await events.stop();
      await heartbeats.close();
    },
  };
}

export type AgentChannel = ReturnType<typeof createAgentChannel>;

function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new AgentError(
      "InvalidParameter",
      r.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join(".") || "body"}: ${i.message}`)
        .join("; "),
    );
  return r.data;
}
