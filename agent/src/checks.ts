import { connect } from "node:net";
import type { Inventory } from "./inventory";

export type Check = { name: string; result: "pass" | "warn" | "fail"; detail: string };
export type PrecheckParams = {
  minFreeDiskPercent?: number;
  supportedOs?: string[];
  maxClockSkewSeconds?: number;
  targetEndpoint?: string;
  serverTime?: string;
};

/** Pre-migration checks: free disk, a supported OS, the clock, and whether the target region can be reached from here. */
export async function precheck(p: PrecheckParams, inventory: Inventory, receivedAt: number): Promise<Check[]> {
  const checks: Check[] = [];
  const min = p.minFreeDiskPercent ?? 10;
  const tight = inventory.disks.filter((d) => (100 * (d.sizeBytes - d.usedBytes)) / d.sizeBytes < min);
  checks.push(
    tight.length
      ? { name: "free-disk", result: "fail", detail: `under ${min}% free on ${tight.map((d) => d.mount).join(", ")}` }
      : { name: "free-disk", result: "pass", detail: `every disk has at least ${min}% free` },
  );
  const osName = `${inventory.os.name} ${inventory.os.version}`.trim();
  const supported = (p.supportedOs ?? []).some((s) => inventory.os.name.toLowerCase().startsWith(s));
  checks.push({
    name: "os-supported",
    result: supported ? "pass" : "warn",
    detail: supported ? `${osName} is supported` : `${osName} is not on the supported list`,
  });
  if (p.serverTime) {
    const skew = Math.abs(receivedAt - Date.parse(p.serverTime)) / 1000;
    const max = p.maxClockSkewSeconds ?? 60;
    checks.push({
      name: "clock-skew",
      result: skew <= max ? "pass" : "fail",
      detail: `${skew.toFixed(1)} s from the control plane (at most ${max} s)`,
    });
  }
  if (p.targetEndpoint) checks.push(await reachable(p.targetEndpoint));
  return checks;
}

/** A TCP connection to the target region's endpoint, within 5 s. */
function reachable(endpoint: string): Promise<Check> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      return resolve({ name: "target-reachable", result: "fail", detail: `${endpoint} is not a URL` });
    }
    const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
    const socket = connect({ host: url.hostname, port, timeout: 5_000 });
    const done = (result: Check["result"], detail: string) => {
      socket.destroy();
      resolve({ name: "target-reachable", result, detail });
    };
    socket.once("connect", () => done("pass", `${url.hostname}:${port} answers`));
    socket.once("timeout", () => done("fail", `${url.hostname}:${port} did not answer within 5 s`));
    socket.once("error", (err) => done("fail", `${url.hostname}:${port}: ${(err as NodeJS.ErrnoException).code ?? err.message}`));
  });
}
