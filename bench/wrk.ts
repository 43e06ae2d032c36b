// wrk runs for bench/gateway.ts: one thread, BENCH_CONNECTIONS connections,
// requests cycling through a list of paths (bench/wrk-report.lua).
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";

export const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

export type Run = {
  rps: number;
  requests: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** server CPU per request, when the server's process was given */
  cpuUs?: number;
};

/** wrk for `duration` seconds against url, cycling through the given request paths; with `serverPid`, its CPU per request. */
export function measure(url: string, paths: string[], duration = seconds, serverPid?: number): Run {
  mkdirSync(".data", { recursive: true });
  writeFileSync(".data/bench-paths.txt", `${paths.join("\n")}\n`);
  const cpuBefore = serverPid ? treeCpuSeconds(serverPid) : 0;
  const out = execFileSync("wrk", ["-t1", `-c${connections}`, `-d${duration}s`, "-s", "bench/wrk-report.lua", url], {
    env: { ...process.env, BENCH_PATHS: ".data/bench-paths.txt" },
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const r = JSON.parse(out.trim().split("\n").at(-1) as string);
  const run: Run = { rps: r.requests / r.seconds, requests: r.requests, p50: r.p50, p99: r.p99, non2xx: r.non2xx, errors: r.errors };
  if (serverPid) run.cpuUs = ((treeCpuSeconds(serverPid) - cpuBefore) * 1e6) / r.requests;
  return run;
}

/** The round with the median req/s. */
export const median = (runs: Run[]) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)] as Run;

export const header = `${connections} connections, loopback, wrk`;

/**
 * CPU seconds used so far by a process and everything below it (for the
 * server: the front door, Next.js, Postgres and its backends). Less at the
 * mercy of other load on a shared machine than req/s: divided by the
 * requests of a round, it is what a request cost.
 */
export function treeCpuSeconds(rootPid: number): number {
  const stats = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .flatMap((pid) => {
      try {
        // the command may hold spaces and parentheses: fields count from the last ")"
        const text = readFileSync(`/proc/${pid}/stat`, "utf8");
        const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
        return [{ pid: Number(pid), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) }];
      } catch {
        return []; // gone meanwhile
      }
    });
  const children = new Map<number, number[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s.pid]);
  const ticks = new Map(stats.map((s) => [s.pid, s.ticks]));
  let total = 0;
  for (const queue = [rootPid]; queue.length; ) {
    const pid = queue.pop() as number;
    total += ticks.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total / clockTicks;
}

const clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
