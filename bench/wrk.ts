// wrk runs for bench/gateway.ts: one thread, BENCH_CONNECTIONS connections,
// requests cycling through a list of paths (bench/wrk-report.lua).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";

export const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

export type Run = { rps: number; requests: number; p50: number; p99: number; non2xx: number; errors: number };

/** wrk for `duration` seconds against url, cycling through the given request paths. */
export function measure(url: string, paths: string[], duration = seconds): Run {
  mkdirSync(".data", { recursive: true });
  writeFileSync(".data/bench-paths.txt", `${paths.join("\n")}\n`);
  const out = execFileSync("wrk", ["-t1", `-c${connections}`, `-d${duration}s`, "-s", "bench/wrk-report.lua", url], {
    env: { ...process.env, BENCH_PATHS: ".data/bench-paths.txt" },
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const r = JSON.parse(out.trim().split("\n").at(-1) as string);
  return { rps: r.requests / r.seconds, requests: r.requests, p50: r.p50, p99: r.p99, non2xx: r.non2xx, errors: r.errors };
}

/** The round with the median req/s. */
export const median = (runs: Run[]) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)] as Run;

export const header = `${connections} connections, loopback, wrk`;
