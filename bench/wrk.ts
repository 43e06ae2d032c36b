// wrk runs for the benchmarks: one thread, BENCH_CONNECTIONS connections,
// requests cycling through a list (bench/wrk-requests.lua); the servers they
// measure, started and stopped; the table every benchmark prints.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
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
  /** of which Postgres's processes (the postmaster's tree) */
  pgCpuUs?: number;
};

/** One request line for bench/wrk-requests.lua: a GET of `path`. */
export const get = (path: string) => `GET\t${path}\t\t`;

/** wrk for `duration` seconds against url, cycling through the request lines (`get`, or signed POSTs); with `serverPid`, its CPU per request. */
export function measure(url: string, requests: string[], duration = seconds, serverPid?: number): Run {
  mkdirSync(".data", { recursive: true });
  writeFileSync(".data/bench-requests.txt", `${requests.join("\n")}\n`);
  const cpuBefore = serverPid ? treeCpuSeconds(serverPid) : undefined;
  const out = execFileSync("wrk", ["-t1", `-c${connections}`, `-d${duration}s`, "-s", "bench/wrk-requests.lua", url], {
    env: { ...process.env, BENCH_REQUESTS: ".data/bench-requests.txt" },
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const r = JSON.parse(out.trim().split("\n").at(-1) as string);
  const run: Run = { rps: r.requests / r.seconds, requests: r.requests, p50: r.p50, p99: r.p99, non2xx: r.non2xx, errors: r.errors };
  if (serverPid && cpuBefore) {
    const after = treeCpuSeconds(serverPid);
    run.cpuUs = ((after.all - cpuBefore.all) * 1e6) / r.requests;
    run.pgCpuUs = ((after.postgres - cpuBefore.postgres) * 1e6) / r.requests;
  }
  return run;
}

/** The round with the median req/s. */
export const median = (runs: Run[]) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)] as Run;

export const header = `${connections} connections, loopback, wrk`;

/** A markdown table of each case's median round and the rounds' range, with an optional column of the median. */
export function printTable(rows: { name: string; runs: Run[] }[], extra?: { title: string; of: (median: Run, runs: Run[]) => string }) {
  console.log(`| case | req/s (median round) | rounds' range | p50 ms | p99 ms |${extra ? ` ${extra.title} |` : ""} non-2xx | errors |`);
  console.log(`|---|---:|---:|---:|---:|${extra ? "---:|" : ""}---:|---:|`);
  for (const { name, runs } of rows) {
    const m = median(runs);
    const range = `${Math.round(Math.min(...runs.map((r) => r.rps)))}–${Math.round(Math.max(...runs.map((r) => r.rps)))}`;
    const sum = (k: "non2xx" | "errors") => runs.reduce((n, r) => n + r[k], 0);
    console.log(
      `| ${name} | ${Math.round(m.rps)} | ${range} | ${m.p50.toFixed(1)} | ${m.p99.toFixed(1)} |${extra ? ` ${extra.of(m, runs)} |` : ""} ${sum("non2xx")} | ${sum("errors")} |`,
    );
  }
}

/** Fails early, with what to do, when Debian's wrk is missing. */
export function requireWrk() {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
  } catch (err) {
    // wrk prints its version and exits 1; only a missing binary is a problem
    if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new Error("wrk not found: apt-get install wrk");
  }
}

const servers: ChildProcess[] = [];

/** A server to measure, in its own process group (stopAll stops it and its children). */
export function startServer(cmd: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"], detached: true });
  servers.push(child);
  return child;
}

export async function waitFor(url: string) {
  for (let i = 0; i < 600; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not come up`);
}

export async function stopAll() {
  for (const c of servers)
    if (c.pid)
      try {
        process.kill(-c.pid, "SIGINT");
      } catch {}
  await new Promise((r) => setTimeout(r, 2000));
}

/**
 * CPU seconds used so far by a process and everything below it (for the
 * server: the front door, Next.js, Postgres and its backends). Less at the
 * mercy of other load on a shared machine than req/s: divided by the
 * requests of a round, it is what a request cost.
 */
export function treeCpuSeconds(rootPid: number): { all: number; postgres: number } {
  const stats = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .flatMap((pid) => {
      try {
        // the command may hold spaces and parentheses: fields count from the last ")"
        const text = readFileSync(`/proc/${pid}/stat`, "utf8");
        const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
        return [{ pid: Number(pid), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), postgres: text.includes("(postgres)") }];
      } catch {
        return []; // gone meanwhile
      }
    });
  const children = new Map<number, number[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s.pid]);
  const byPid = new Map(stats.map((s) => [s.pid, s]));
  let all = 0;
  let postgres = 0;
  for (const queue = [rootPid]; queue.length; ) {
    const pid = queue.pop() as number;
    const s = byPid.get(pid);
    all += s?.ticks ?? 0;
    if (s?.postgres) postgres += s.ticks;
    queue.push(...(children.get(pid) ?? []));
  }
  return { all: all / clockTicks, postgres: postgres / clockTicks };
}

const clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
