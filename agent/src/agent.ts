import { randomUUID } from "node:crypto";
import { type Check, type PrecheckParams, precheck } from "./checks";
import { type AgentConfig, type AgentState, readConfig, readState, writeState } from "./files";
import { type Answer, request, signedHeaders } from "./http";
import { collectInventory, type Inventory, machineId } from "./inventory";
import type { Log } from "./log";
import { agentVersion } from "./version";

export type AgentOptions = { configFile: string; stateFile: string; log: Log; once: boolean; signal: AbortSignal };

/** Stops the agent for good (AgentRevoked), or until it is enrolled again. */
class Stop extends Error {}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
const jitter = (ms: number) => ms * (0.9 + Math.random() * 0.2);

/**
 * The agent: enrols once (keeping its identity in the state file, 0600),
 * then heartbeats every heartbeatSeconds (±10%) with its inventory when it
 * changed, long-polls for tasks and posts their results. Every connection is
 * its own, outbound; it never listens. Errors back off exponentially with
 * jitter (a restarting control plane is waited out); pause is obeyed;
 * AgentRevoked stops it for good. Resolves with the exit code.
 */
export async function runAgent(o: AgentOptions): Promise<number> {
  let state = readState(o.stateFile);
  if (state?.revoked) {
    o.log("error", "this agent was revoked; install a new download to enrol again");
    return 0;
  }
  const config = readConfig(o.configFile);
  state ??= await enrolUntilDone(config, o);
  if (!state) return 1;
  let current: AgentState = state;
  let heartbeatMs = 30_000;
  let paused = false;
  let sentInventory = "";
  let failures = 0;

  /** A signed call; answers other than 2xx become errors the loops handle. */
  async function call(method: string, path: string, body?: object): Promise<Answer> {
    const bytes = body ? Buffer.from(JSON.stringify(body)) : Buffer.alloc(0);
    const headers = { ...signedHeaders(current.agentId, current.agentSecret, method, path, bytes), "content-type": "application/json" };
    const answer = await request(new URL(path, current.baseUrl), {
      method,
      headers,
      body: body && bytes,
      timeoutMs: 45_000,
      signal: o.signal,
    });
    if (answer.status < 300) return answer;
    const code = String(answer.body.code ?? answer.status);
    if (code === "AgentRevoked") {
      writeState(o.stateFile, { ...current, revoked: true });
      o.log("error", "Skyport revoked this agent: stopping for good");
      throw new Stop();
    }
    if (code === "InvalidSignature") {
      o.log("warn", "Skyport no longer knows this agent's secret: enrolling again");
      const again = await enrolOnce(config, o, current.machineId);
      if (again) current = again;
    }
    throw Object.assign(new Error(`${method} ${path}: ${code} ${String(answer.body.message ?? "")}`), { retryAfter: answer.retryAfter });
  }

  /** Waits before the next try: exponential with jitter, at most a minute, or what Skyport asked for. */
  async function backOff(err: unknown) {
    if (err instanceof Stop) throw err;
    if (o.signal.aborted) return; // stopping, not failing
    failures++;
    const asked = (err as { retryAfter?: number }).retryAfter;
    const ms = asked ? asked * 1000 : Math.min(60_000, 1000 * 2 ** Math.min(failures, 6)) * (0.5 + Math.random() * 0.5);
    o.log("warn", "call failed; retrying", { error: (err as Error).message, inMs: Math.round(ms) });
    await sleep(ms, o.signal);
  }

  async function heartbeat() {
    const inventory = collectInventory();
    const digest = JSON.stringify(inventory);
    const body = { agentVersion, ...(digest !== sentInventory && { inventory }) };
    const answer = await call("POST", "/api/agent/v1/heartbeat", body);
    sentInventory = digest;
    failures = 0;
    heartbeatMs = Number(answer.body.heartbeatSeconds ?? 30) * 1000;
    const nowPaused = answer.body.next === "pause";
    if (nowPaused !== paused) o.log("info", nowPaused ? "Skyport paused this agent: no tasks until it resumes" : "running tasks");
    paused = nowPaused;
  }

  async function runTask(task: { id: string; kind: string; params: PrecheckParams }, receivedAt: number) {
    const inventory: Inventory = collectInventory();
    let checks: Check[] = [];
    let status: "succeeded" | "failed" = "succeeded";
    try {
      if (task.kind === "precheck") checks = await precheck(task.params, inventory, receivedAt);
    } catch (err) {
      status = "failed";
      checks = [{ name: task.kind, result: "fail", detail: (err as Error).message.slice(0, 500) }];
    }
    await call("POST", `/api/agent/v1/tasks/${task.id}/result`, { status, checks, inventory });
    o.log("info", "task done", { task: task.id, kind: task.kind, status });
  }

  async function heartbeatLoop() {
    while (!o.signal.aborted) {
      try {
        await heartbeat();
        await sleep(jitter(heartbeatMs), o.signal);
      } catch (err) {
        await backOff(err);
      }
    }
  }

  async function taskLoop() {
    while (!o.signal.aborted) {
      if (paused) {
        await sleep(heartbeatMs, o.signal);
        continue;
      }
      try {
        const answer = await call("GET", "/api/agent/v1/tasks?wait=30");
        const receivedAt = Date.now();
        for (const task of (answer.body.tasks ?? []) as { id: string; kind: string; params: PrecheckParams }[])
          await runTask(task, receivedAt);
      } catch (err) {
        await backOff(err);
      }
    }
  }

  try {
    await heartbeat();
    o.log("info", "enrolled and reporting", { agentId: current.agentId, baseUrl: current.baseUrl });
    if (o.once) return 0;
    await Promise.all([heartbeatLoop(), taskLoop()]);
    return 0;
  } catch (err) {
    if (err instanceof Stop) return 0;
    o.log("error", "stopped", { error: (err as Error).message });
    return 1;
  }
}

/** Enrols with the package's token, retrying what may pass (Skyport unreachable, a lapsed subscription) until it is done. */
async function enrolUntilDone(config: AgentConfig, o: AgentOptions): Promise<AgentState | undefined> {
  for (let attempt = 0; !o.signal.aborted; attempt++) {
    const state = await enrolOnce(config, o);
    if (state || o.once) return state;
    await sleep(Math.min(600_000, 5_000 * 2 ** Math.min(attempt, 7)), o.signal);
  }
  return undefined;
}

async function enrolOnce(config: AgentConfig, o: AgentOptions, known?: string): Promise<AgentState | undefined> {
  const inventory = collectInventory();
  const host = { hostname: inventory.hostname, machineId: known ?? machineId() ?? randomUUID(), os: process.platform, arch: process.arch };
  try {
    const answer = await request(new URL("/api/agent/v1/enroll", config.baseUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: Buffer.from(JSON.stringify({ token: config.enrolmentToken, host })),
      timeoutMs: 30_000,
    });
    if (answer.status !== 201) {
      o.log("error", "enrolment refused", { code: answer.body.code, message: answer.body.message });
      return undefined;
    }
    const state = {
      agentId: String(answer.body.agentId),
      agentSecret: String(answer.body.agentSecret),
      baseUrl: config.baseUrl,
      machineId: host.machineId,
    };
    writeState(o.stateFile, state);
    return state;
  } catch (err) {
    o.log("warn", "Skyport not reachable to enrol", { error: (err as Error).message });
    return undefined;
  }
}
