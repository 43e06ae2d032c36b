import { rm } from "node:fs/promises";
import path from "node:path";
import { fetchAgentPackage, SandboxHostError } from "./agent-download";
import { type LocalAgent, runLocalAgent } from "./local-agent";
import { type SimulatedFleet, simulateHosts } from "./simulated-hosts";

/** The hosts one sandbox browser has running: at most one real agent (this machine is one host) and a few simulated fleets. */
export type SandboxHosts = { agent?: LocalAgent & { startedAt: string }; fleets: (SimulatedFleet & { startedAt: string })[] };

// this server's processes and timers: bounded, since anyone using the sandbox may start them
export const sandboxHostLimits = { browsers: 20, fleetsPerBrowser: 3, hostsPerFleet: 50 };
const running = new Map<string, SandboxHosts>();

export function sandboxHosts(browser: string): SandboxHosts {
  const mine = running.get(browser) ?? { fleets: [] };
  if (mine.agent && !mine.agent.running()) mine.agent = undefined;
  return mine;
}

function claimSlot(browser: string): SandboxHosts {
  const mine = sandboxHosts(browser);
  if (!running.has(browser)) {
    if (running.size >= sandboxHostLimits.browsers) throw new SandboxHostError("Busy");
    running.set(browser, mine);
  }
  return mine;
}

/**
 * Downloads the package and runs the real agent here for this browser, in
 * DATA_DIR/sandbox-agents/<browser>: the one it ran before is stopped first,
 * as a host runs one agent.
 */
export async function startLocalAgent(opts: { browser: string; origin: string; token: string; dataDir: string }) {
  const mine = claimSlot(opts.browser);
  mine.agent?.stop();
  const dir = path.join(opts.dataDir, "sandbox-agents", opts.browser.replace(/[^A-Za-z0-9-]/g, ""));
  await rm(dir, { recursive: true, force: true });
  mine.agent = { ...(await runLocalAgent({ origin: opts.origin, token: opts.token, dir })), startedAt: new Date().toISOString() };
  return mine.agent;
}

/** Enrols `count` simulated hosts with the token of the link's package, heartbeating until stopped. */
export async function startSimulatedFleet(opts: { browser: string; origin: string; token: string; count: number }) {
  const mine = claimSlot(opts.browser);
  if (mine.fleets.length >= sandboxHostLimits.fleetsPerBrowser) throw new SandboxHostError("TooManyFleets");
  const { enrolmentToken } = await fetchAgentPackage(opts.origin, opts.token);
  const count = Math.min(Math.max(1, Math.trunc(opts.count)), sandboxHostLimits.hostsPerFleet);
  const fleet = { ...(await simulateHosts({ origin: opts.origin, token: enrolmentToken, count })), startedAt: new Date().toISOString() };
  mine.fleets.push(fleet);
  return fleet;
}

/** Stops this browser's real agent and fleets (their hosts go offline in the console, as unplugged hosts do). */
export function stopSandboxHosts(browser: string) {
  const mine = running.get(browser);
  mine?.agent?.stop();
  for (const fleet of mine?.fleets ?? []) fleet.stop();
  running.delete(browser);
}
