// npm run bench:gateway — side by side, in one run, on loopback:
//   plain node:http · bare Next.js route · gateway rejecting a bad signature ·
//   gateway DescribeTenant (full pipeline, RLS) · gateway UpdateTenantProfile.
// Prints req/s, p50, p99 and each figure's ratio to the bare Next.js route.
// The cases take turns for BENCH_ROUNDS rounds (default 3) of BENCH_SECONDS
// each (default 5), and the table shows each case's median round: on a shared
// machine a burst of noise then hits one round of each case, not one case.
// UpdateTenantProfile runs its rounds last, since its dead row versions would
// slow the reads measured after it. BENCH_CONNECTIONS (default 50).
// The load comes from wrk (Debian's `wrk`), a C client light enough not to
// take the CPU the servers are measured on (docs/benchmarks.md).
import { type ChildProcess, execFileSync, execSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import pg from "pg";
import { signedQuery } from "../lib/gateway/sign-request";

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ports = { plain: 3201, next: 3202, skyport: 3203, pg: 54392 };
// this run's own key: the server is started with it
const aliyunKey = { keyId: "bench-aliyun", channel: "aliyun", secret: randomUUID() } as const;
const buyer = { uid: "1001", parentUid: "1001", accountType: "main", marketplace: "aliyun" };
const children: ChildProcess[] = [];

function start(cmd: string, args: string[], env: Record<string, string>) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"], detached: true });
  children.push(child);
}

async function waitFor(url: string) {
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

type Run = { rps: number; p50: number; p99: number; non2xx: number; errors: number };
type Case = { name: string; url: string; paths: () => string[] };

/** wrk for `duration` seconds against url, cycling through the given request paths. */
function measure(url: string, paths: string[], duration = seconds): Run {
  mkdirSync(".data", { recursive: true });
  writeFileSync(".data/bench-paths.txt", `${paths.join("\n")}\n`);
  const out = execFileSync("wrk", ["-t1", `-c${connections}`, `-d${duration}s`, "-s", "bench/wrk-report.lua", url], {
    env: { ...process.env, BENCH_PATHS: ".data/bench-paths.txt" },
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const r = JSON.parse(out.trim().split("\n").at(-1) as string);
  return { rps: r.requests / r.seconds, p50: r.p50, p99: r.p99, non2xx: r.non2xx, errors: r.errors };
}

/** The round with the median req/s. */
const median = (runs: Run[]) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)] as Run;

async function transactions(ownerUrl: string): Promise<number> {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  const { rows } = await c.query("SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = 'skyport'");
  await c.end();
  return Number(rows[0].n);
}

try {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
  } catch (err) {
    // wrk prints its version and exits 1; only a missing binary is a problem
    if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new Error("wrk not found: apt-get install wrk");
  }
  if (!existsSync("bench/next-baseline/.next/BUILD_ID")) execSync("npx next build bench/next-baseline", { stdio: "ignore" });
  rmSync(".data/bench", { recursive: true, force: true });
  start("node", ["bench/servers/plain-http.mjs"], { PORT: String(ports.plain) });
  start("npx", ["next", "start", "bench/next-baseline", "-p", String(ports.next), "-H", "127.0.0.1"], {});
  start("node", ["--import", "tsx", "server.ts"], {
    PORT: String(ports.skyport),
    DATA_DIR: ".data/bench",
    EMBEDDED_PG_PORT: String(ports.pg),
    DEMO_PASSWORD: "bench-password",
    CONSOLE_KEYS: `${aliyunKey.keyId}:aliyun:${aliyunKey.secret}`,
    GATEWAY_TENANT_RPS: "1000000000",
    GATEWAY_TENANT_BURST: "1000000000",
  });
  await Promise.all([
    waitFor(`http://127.0.0.1:${ports.plain}/`),
    waitFor(`http://127.0.0.1:${ports.next}/ping`),
    waitFor(`http://127.0.0.1:${ports.skyport}/signin`),
  ]);
  const secrets = JSON.parse(readFileSync(".data/bench/db-secrets.json", "utf8"));
  const ownerUrl = `postgresql://postgres:${encodeURIComponent(secrets.owner)}@127.0.0.1:${ports.pg}/skyport`;

  const gw = `http://127.0.0.1:${ports.skyport}`;
  const bad = signedQuery({ ...aliyunKey, secret: "not-the-secret-at-all" }, "DescribeTenant", buyer, {}, "bench-bad-signature");
  // signed when each round starts, well inside the ±300 s window
  const describePaths = () => [`/api/DescribeTenant?${signedQuery(aliyunKey, "DescribeTenant", buyer, {}, "bench-describe")}`];
  // a fresh traceId per request (more than a round can send)
  const updates = () =>
    Array.from({ length: 5_000 * seconds }, (_, n) => {
      const traceId = `bench-${randomUUID()}`;
      return `/api/UpdateTenantProfile?${signedQuery(aliyunKey, "UpdateTenantProfile", buyer, { displayName: `Bench ${n}` }, traceId)}`;
    });
  const cases: Case[] = [
    { name: "node:http constant JSON", url: `http://127.0.0.1:${ports.plain}`, paths: () => ["/"] },
    { name: "Next.js route handler (baseline)", url: `http://127.0.0.1:${ports.next}`, paths: () => ["/ping"] },
    { name: "gateway: bad signature (401)", url: gw, paths: () => [`/api/DescribeTenant?${bad}`] },
    { name: "gateway: DescribeTenant", url: gw, paths: describePaths },
    { name: "gateway: UpdateTenantProfile", url: gw, paths: updates },
  ];
  const [plain, next, rejection, describeTenant, update] = cases as [Case, Case, Case, Case, Case];

  // warm up: Next's first render, JIT, pools
  measure(gw, describePaths(), 3);
  measure(next.url, next.paths(), 3);

  const runs = new Map<Case, Run[]>(cases.map((c) => [c, []]));
  const record = (c: Case) => runs.get(c)?.push(measure(c.url, c.paths()));
  let rejectionTransactions = 0;
  for (let round = 0; round < rounds; round++) {
    record(plain);
    record(next);
    const before = await transactions(ownerUrl);
    record(rejection);
    rejectionTransactions += (await transactions(ownerUrl)) - before;
    record(describeTenant);
  }
  for (let round = 0; round < rounds; round++) record(update);

  const medians = new Map(cases.map((c) => [c, median(runs.get(c) ?? [])]));
  const baseline = medians.get(next)?.rps ?? Number.NaN;
  const ratio = (c: Case) => (medians.get(c)?.rps ?? 0) / baseline;
  console.log(
    `\nGateway benchmark: ${rounds} rounds × ${seconds} s per case, ${connections} connections, loopback, wrk; ${new Date().toISOString()}\n`,
  );
  console.log("| case | req/s (median round) | rounds' range | p50 ms | p99 ms | × Next.js route | non-2xx | errors |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const c of cases) {
    const all = runs.get(c) ?? [];
    const m = medians.get(c) as Run;
    const range = `${Math.round(Math.min(...all.map((r) => r.rps)))}–${Math.round(Math.max(...all.map((r) => r.rps)))}`;
    const sum = (k: "non2xx" | "errors") => all.reduce((n, r) => n + r[k], 0);
    console.log(
      `| ${c.name} | ${Math.round(m.rps)} | ${range} | ${m.p50.toFixed(1)} | ${m.p99.toFixed(1)} | ${ratio(c).toFixed(1)}× | ${sum("non2xx")} | ${sum("errors")} |`,
    );
  }
  console.log(`\n${rejection.name}: ${rejectionTransactions} db transactions in its ${rounds} rounds (trace batches and job polling only)`);
  const describeRatio = ratio(describeTenant);
  const rejectRatio = ratio(rejection);
  console.log(
    `\nTargets: DescribeTenant ≥ 3× → ${describeRatio.toFixed(1)}× ${describeRatio >= 3 ? "met" : "NOT MET"}; rejection ≥ 10× → ${rejectRatio.toFixed(1)}× ${rejectRatio >= 10 ? "met" : "NOT MET"}`,
  );
} finally {
  for (const c of children)
    if (c.pid)
      try {
        process.kill(-c.pid, "SIGINT");
      } catch {}
  await new Promise((r) => setTimeout(r, 2000));
}
