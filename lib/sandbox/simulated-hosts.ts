import { randomBytes, randomUUID } from "node:crypto";
import { signedCallHeaders } from "../agents";

/** A fleet of pretend hosts, each an agent speaking the real protocol over HTTP to this Skyport. */
export type SimulatedFleet = { id: string; hosts: number; stop: () => void };

const oses = [
  { name: "Ubuntu", version: "22.04", kernel: "5.15.0-107-generic" },
  { name: "CentOS Linux", version: "7", kernel: "3.10.0-1160.el7.x86_64" },
  { name: "Debian GNU/Linux", version: "12", kernel: "6.1.0-18-amd64" },
  { name: "Windows Server", version: "2019", kernel: "10.0.17763" },
];
const shapes = [
  [2, 4],
  [4, 8],
  [4, 16],
  [8, 32],
  [16, 64],
] as const;

/**
 * Enrols `count` simulated hosts with a download's enrolment token, then
 * heartbeats each every `heartbeatMs` and answers its tasks with plausible
 * checks, until stopped: demos and load without a host per agent.
 */
export async function simulateHosts(opts: { origin: string; token: string; count: number; heartbeatMs?: number }): Promise<SimulatedFleet> {
  const prefix = randomBytes(3).toString("hex");
  let stopped = false;
  const agents: { agentId: string; agentSecret: string; inventory: SimulatedInventory }[] = [];
  for (let i = 0; i < opts.count; i++) {
    const [cores, gib] = shapes[i % shapes.length] as readonly [number, number];
    const host = { hostname: `sim-${prefix}-${String(i + 1).padStart(3, "0")}`, machineId: randomUUID(), os: "linux", arch: "x64" };
    const res = await fetch(new URL("/api/agent/v1/enroll", opts.origin), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: opts.token, host }),
    });
    if (res.status !== 201) throw new Error(`enrolment refused: ${(await res.json()).code}`);
    const { agentId, agentSecret } = (await res.json()) as { agentId: string; agentSecret: string };
    const inventory = {
      hostname: host.hostname,
      os: oses[i % oses.length],
      cpu: { model: "Intel(R) Xeon(R) Platinum 8269CY", cores },
      memoryBytes: gib * 2 ** 30,
      disks: [{ mount: "/", sizeBytes: 100 * 2 ** 30, usedBytes: (20 + ((i * 7) % 75)) * 2 ** 30 }],
      interfaces: [{ name: "eth0", addresses: [`10.0.${Math.floor(i / 250)}.${(i % 250) + 2}`] }],
      uptimeSeconds: 86_400 * (1 + (i % 30)),
    };
    agents.push({ agentId, agentSecret, inventory });
  }

  const call = async (agent: (typeof agents)[number], method: string, path: string, body?: object) => {
    const bytes = Buffer.from(body ? JSON.stringify(body) : "");
    const res = await fetch(new URL(path, opts.origin), {
      method,
      headers: { "content-type": "application/json", ...signedCallHeaders(agent.agentId, agent.agentSecret, method, path, bytes) },
      ...(body && { body: bytes }),
    });
    return res.json() as Promise<Record<string, unknown>>;
  };

  const beat = async () => {
    for (const agent of agents) {
      if (stopped) return;
      await call(agent, "POST", "/api/agent/v1/heartbeat", { agentVersion: "1.0.0-sim", inventory: agent.inventory }).catch(() => {});
      const { tasks } = await call(agent, "GET", "/api/agent/v1/tasks?wait=0").catch(() => ({ tasks: [] }));
      for (const task of (tasks ?? []) as { id: string; kind: string }[])
        await call(agent, "POST", `/api/agent/v1/tasks/${task.id}/result`, {
          status: "succeeded",
          checks: simulatedChecks(agent.inventory),
          inventory: agent.inventory,
        }).catch(() => {});
    }
  };
  await beat();
  const timer = setInterval(() => void beat(), opts.heartbeatMs ?? 20_000);
  timer.unref();
  return {
    id: prefix,
    hosts: agents.length,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

type SimulatedInventory = {
  hostname: string;
  os: { name: string; version: string; kernel: string } | undefined;
  disks: { mount: string; sizeBytes: number; usedBytes: number }[];
};

function simulatedChecks(inv: SimulatedInventory) {
  const free = (100 * ((inv.disks[0]?.sizeBytes ?? 1) - (inv.disks[0]?.usedBytes ?? 0))) / (inv.disks[0]?.sizeBytes ?? 1);
  return [
    { name: "free-disk", result: free >= 10 ? "pass" : "fail", detail: `${free.toFixed(0)}% free on /` },
    { name: "os-supported", result: inv.os?.name.startsWith("CentOS") ? "warn" : "pass", detail: `${inv.os?.name} (simulated)` },
    { name: "clock-skew", result: "pass", detail: "0.0 s from the control plane (simulated)" },
    { name: "target-reachable", result: "pass", detail: "reachable (simulated)" },
  ];
}
