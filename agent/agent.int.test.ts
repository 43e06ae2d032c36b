import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AgentHarness, startAgentHarness } from "../test/agent-harness";
import { createTenant, type TestTenant } from "../test/factories";

// The real agent: the built linux-x64 single executable, run as a process
// against a running Skyport (the fast path's doors over the test Postgres).
const executable = path.resolve(".data/agent-build/skyport-agent");
let a: AgentHarness;
let tenant: TestTenant;
const running: ChildProcess[] = [];

beforeAll(async () => {
  if (!existsSync(executable)) execFileSync("npm", ["run", "-s", "build:agent"], { stdio: "inherit" });
  a = await startAgentHarness({ heartbeatSeconds: 1 });
  tenant = await createTenant(a.db.platformDb);
}, 240_000);
afterAll(async () => {
  for (const child of running) child.kill("SIGKILL");
  await a.close();
});

/** A fresh install: the download's config.json beside a state file that does not exist yet. */
async function install() {
  const dir = mkdtempSync(path.join(tmpdir(), "skyport-agent-"));
  const d = await a.download(tenant);
  writeFileSync(path.join(dir, "config.json"), JSON.stringify({ baseUrl: a.baseUrl, enrolmentToken: d.token }));
  return {
    dir,
    args: ["--config", path.join(dir, "config.json"), "--state", path.join(dir, "state.json"), "--log", path.join(dir, "agent.log")],
  };
}

function start(args: string[], env: Record<string, string> = {}) {
  // nothing inherited but PATH: no proxy variable of this machine leaks in
  const childEnv = { PATH: process.env.PATH ?? "", ...env } as unknown as NodeJS.ProcessEnv;
  const child = spawn(executable, args, { env: childEnv, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr?.on("data", (c) => {
    log += c;
  });
  running.push(child);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, exited, log: () => log };
}

const agentOf = async (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, "state.json"), "utf8")) as { agentId: string; revoked?: boolean };
const lastSeen = async (agentId: string) =>
  (await a.db.platformDb.agent.findFirstOrThrow({ where: { id: agentId } })).lastSeenAt?.getTime() ?? 0;

/** The TCP ports a process listens on: its socket inodes matched against the kernel's LISTEN table. */
function listeningPorts(pid: number): number[] {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`)
      .map((fd) => {
        try {
          return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        } catch {
          return undefined;
        }
      })
      .filter(Boolean),
  );
  const ports: number[] = [];
  for (const table of [`/proc/${pid}/net/tcp`, `/proc/${pid}/net/tcp6`])
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === "0A" && inodes.has(cols[9])) ports.push(Number.parseInt((cols[1] ?? ":0").split(":")[1] as string, 16));
    }
  return ports;
}

describe("the real agent (built single executable)", () => {
  it("--version, and --once enrols, reports its inventory and exits; its state file is 0600", async () => {
    expect(execFileSync(executable, ["--version"], { encoding: "utf8" }).trim()).toBe("skyport-agent 1.0.0");
    const { dir, args } = await install();
    const once = start([...args, "--once"]);
    expect(await once.exited).toBe(0);
    expect(statSync(path.join(dir, "state.json")).mode & 0o777).toBe(0o600);
    const { agentId } = await agentOf(dir);
    const agent = await a.h.call("DescribeAgent", { agentId }, { tenant });
    expect(agent.body.data.inventory).toMatchObject({
      hostname: expect.any(String),
      os: { name: expect.any(String), kernel: expect.any(String) },
      cpu: { cores: expect.any(Number) },
      memoryBytes: expect.any(Number),
      disks: expect.arrayContaining([expect.objectContaining({ mount: expect.any(String), sizeBytes: expect.any(Number) })]),
    });
  }, 60_000);

  it("runs: heartbeats, opens no listening socket, runs a precheck, survives a restart of Skyport, stops for good when revoked", async () => {
    const { dir, args } = await install();
    const run = start(args);
    await expect.poll(() => existsSync(path.join(dir, "state.json")), { timeout: 15_000 }).toBe(true);
    const { agentId } = await agentOf(dir);
    await expect.poll(() => lastSeen(agentId), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(listeningPorts(run.child.pid as number)).toEqual([]);

    const task = await a.h.call("CreateAgentTask", { agentId, kind: "precheck" }, { tenant });
    const done = async () =>
      (await a.h.call("DescribeAgentTasks", { agentId }, { tenant })).body.data.tasks.find(
        (t: { taskId: string }) => t.taskId === task.body.data.taskId,
      );
    await expect.poll(async () => (await done())?.status, { timeout: 20_000 }).toBe("succeeded");
    expect((await done()).checks.map((c: { name: string }) => c.name).sort()).toEqual([
      "clock-skew",
      "free-disk",
      "os-supported",
      "target-reachable",
    ]);

    await a.restartServer(3_000);
    const before = await lastSeen(agentId);
    await expect.poll(() => lastSeen(agentId), { timeout: 40_000 }).toBeGreaterThan(before);

    await a.h.call("RevokeAgent", { agentId }, { tenant });
    expect(await run.exited).toBe(0);
    expect((await agentOf(dir)).revoked).toBe(true);
    const again = start(args); // restarted by its service manager: stays stopped
    expect(await again.exited).toBe(0);
  }, 120_000);

  it("works behind an HTTP proxy (HTTP_PROXY): every call goes through it", async () => {
    const proxied: string[] = [];
    const proxy: Server = createServer((req, res) => {
      proxied.push(`${req.method} ${req.url}`);
      const target = new URL(req.url ?? "");
      const upstream = httpRequest(target, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on("error", () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    proxy.on("connect", (req, socket) => {
      proxied.push(`CONNECT ${req.url}`);
      const [host, port] = (req.url ?? "").split(":");
      const upstream = connect(Number(port), host, () => {
        socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.pipe(socket).pipe(upstream);
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const { dir, args } = await install();
    const once = start([...args, "--once"], { HTTP_PROXY: `http://127.0.0.1:${(proxy.address() as { port: number }).port}` });
    expect(await once.exited).toBe(0);
    proxy.close();
    expect(proxied).toEqual([`POST ${a.baseUrl}/api/agent/v1/enroll`, `POST ${a.baseUrl}/api/agent/v1/heartbeat`]);
    expect((await agentOf(dir)).agentId).toMatch(/^[0-9a-f-]{36}$/);
  }, 60_000);
});
