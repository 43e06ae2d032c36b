// npm run bench:gateway — side by side, in one run, on loopback:
//   plain node:http · bare Next.js route · gateway rejecting a bad signature ·
//   gateway DescribeTenant (full pipeline, RLS) · gateway UpdateTenantProfile.
// Prints req/s, p50, p99 and each figure's ratio to the bare Next.js route.
// BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) tune it.
import { type ChildProcess, execSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import autocannon from "autocannon";
import pg from "pg";
import { signedQuery } from "../lib/gateway/sign-request";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ports = { plain: 3201, next: 3202, skyport: 3203, pg: 54392 };
const aliyunKey = { keyId: "dev-aliyun", channel: "aliyun", secret: "dev-aliyun-console-secret" } as const;
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

type Row = { name: string; rps: number; p50: number; p99: number; non2xx: number; errors: number; note?: string };

async function measure(name: string, url: string, path: () => string): Promise<Row> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, path: path() }) }],
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function transactions(ownerUrl: string): Promise<number> {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  const { rows } = await c.query("SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = 'skyport'");
  await c.end();
  return Number(rows[0].n);
}

try {
  if (!existsSync("bench/next-baseline/.next/BUILD_ID")) execSync("npx next build bench/next-baseline", { stdio: "ignore" });
  rmSync(".data/bench", { recursive: true, force: true });
  start("node", ["bench/servers/plain-http.mjs"], { PORT: String(ports.plain) });
  start("npx", ["next", "start", "bench/next-baseline", "-p", String(ports.next), "-H", "127.0.0.1"], {});
  start("npx", ["tsx", "server.ts"], {
    PORT: String(ports.skyport),
    DATA_DIR: ".data/bench",
    EMBEDDED_PG_PORT: String(ports.pg),
    DEMO_PASSWORD: "bench-password",
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
  // warm up: Next's first render, JIT, pools
  await measure("warm-up", gw, () => `/api/DescribeTenant?${signedQuery(aliyunKey, "DescribeTenant", buyer, {}, "bench-warm-up")}`);
  await measure("warm-up", `http://127.0.0.1:${ports.next}`, () => "/ping");

  const rows: Row[] = [];
  rows.push(await measure("node:http constant JSON", `http://127.0.0.1:${ports.plain}`, () => "/"));
  rows.push(await measure("Next.js route handler (baseline)", `http://127.0.0.1:${ports.next}`, () => "/ping"));
  const before = await transactions(ownerUrl);
  const rejection = await measure("gateway: bad signature (401)", gw, () => `/api/DescribeTenant?${bad}`);
  const dbWork = (await transactions(ownerUrl)) - before;
  rows.push({ ...rejection, note: `${dbWork} db transactions during the run (trace batches only)` });
  const describeQuery = signedQuery(aliyunKey, "DescribeTenant", buyer, {}, "bench-describe");
  rows.push(await measure("gateway: DescribeTenant", gw, () => `/api/DescribeTenant?${describeQuery}`));
  let n = 0;
  rows.push(
    await measure("gateway: UpdateTenantProfile", gw, () => {
      const traceId = `bench-${randomUUID()}`;
      return `/api/UpdateTenantProfile?${signedQuery(aliyunKey, "UpdateTenantProfile", buyer, { displayName: `Bench ${n++}` }, traceId)}`;
    }),
  );

  const baseline = rows[1]!.rps;
  console.log(`\nGateway benchmark: ${seconds} s each, ${connections} connections, loopback, ${new Date().toISOString()}\n`);
  console.log("| case | req/s | p50 ms | p99 ms | × Next.js route | non-2xx | errors |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const r of rows)
    console.log(
      `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${(r.rps / baseline).toFixed(1)}× | ${r.non2xx} | ${r.errors} |`,
    );
  for (const r of rows) if (r.note) console.log(`\n${r.name}: ${r.note}`);
  const describeRatio = rows[3]!.rps / baseline;
  const rejectRatio = rows[2]!.rps / baseline;
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
