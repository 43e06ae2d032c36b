// npm run bench:gateway — side by side, in one run, on loopback:
//   plain node:http · bare Next.js route · gateway rejecting a bad signature ·
//   gateway DescribeTenant (full pipeline, RLS) · gateway UpdateTenantProfile.
// Prints req/s, p50, p99 and each figure's ratio to the bare Next.js route.
// The cases take turns for BENCH_ROUNDS rounds (default 3) of BENCH_SECONDS
// each (default 5), and the table shows each case's median round: on a shared
// machine a burst of noise then hits one round of each case, not one case.
// UpdateTenantProfile runs its rounds last, since its dead row versions would
// slow the reads measured after it. BENCH_CONNECTIONS (default 50).
// Then DescribeTenant over 100,000 seeded tenants (BENCH_TENANTS), cold and
// warm, each as a ratio to 10 tenants measured beside it, in
// BENCH_SCALE_ROUNDS rounds (default 7; bench/tenants-at-scale.ts);
// BENCH_ONLY=tenants runs that part alone.
// The load comes from wrk (Debian's `wrk`), a C client light enough not to
// take the CPU the servers are measured on (docs/benchmarks.md).
import { execSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import pg from "pg";
import { signedQuery } from "../lib/gateway/sign-request";
import { measureTenantsAtScale, medianCpu, scaleRounds, seedTenants, tenantCount } from "./tenants-at-scale";
import { get, header, measure, median, printTable, type Run, requireWrk, seconds, startServer, stopAll, waitFor } from "./wrk";

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
// BENCH_ONLY=tenants: only the 100,000-tenant comparison
const onlyTenants = process.env.BENCH_ONLY === "tenants";
// BENCH_PORT and BENCH_PG_PORT move them, so that two checkouts can measure on one machine
const base = Number(process.env.BENCH_PORT ?? 3201);
const ports = { plain: base, next: base + 1, skyport: base + 2, pg: Number(process.env.BENCH_PG_PORT ?? 54392) };
// this run's own key: the server is started with it
const aliyunKey = { keyId: "bench-aliyun", channel: "aliyun", secret: randomUUID() } as const;
const buyer = { uid: "1001", parentUid: "1001", accountType: "main", marketplace: "aliyun" };
type Case = { name: string; url: string; paths: () => string[] };

async function transactions(ownerUrl: string): Promise<number> {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  const { rows } = await c.query("SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = 'skyport'");
  await c.end();
  return Number(rows[0].n);
}

try {
  requireWrk();
  if (!existsSync("bench/next-baseline/.next/BUILD_ID")) execSync("npx next build bench/next-baseline", { stdio: "ignore" });
  rmSync(".data/bench", { recursive: true, force: true });
  startServer("node", ["bench/servers/plain-http.mjs"], { PORT: String(ports.plain) });
  startServer("npx", ["next", "start", "bench/next-baseline", "-p", String(ports.next), "-H", "127.0.0.1"], {});
  const skyport = startServer("node", ["--import", "tsx", "server.ts"], {
    PORT: String(ports.skyport),
    DATA_DIR: ".data/bench",
    EMBEDDED_PG_PORT: String(ports.pg),
    DEMO_PASSWORD: "bench-password",
    CONSOLE_KEYS: `${aliyunKey.keyId}:aliyun:${aliyunKey.secret}`,
    GATEWAY_TENANT_RPS: "1000000000",
    GATEWAY_TENANT_BURST: "1000000000",
    // the rejection case measures refusing a bad signature (401), not the per-address limit past it (429)
    GATEWAY_REJECT_RPS: "1000000000",
    GATEWAY_REJECT_BURST: "1000000000",
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
  measure(gw, describePaths().map(get), 3);
  measure(next.url, next.paths().map(get), 3);

  const runs = new Map<Case, Run[]>(cases.map((c) => [c, []]));
  const record = (c: Case) => runs.get(c)?.push(measure(c.url, c.paths().map(get)));
  let rejectionTransactions = 0;
  for (let round = 0; round < (onlyTenants ? 0 : rounds); round++) {
    record(plain);
    record(next);
    const before = await transactions(ownerUrl);
    record(rejection);
    rejectionTransactions += (await transactions(ownerUrl)) - before;
    record(describeTenant);
  }
  // before the updates, whose dead row versions would slow these reads too
  const seeded = await seedTenants(ownerUrl);
  const scale = measureTenantsAtScale(gw, scaleRounds, skyport.pid as number, aliyunKey);
  for (let round = 0; round < (onlyTenants ? 0 : rounds); round++) record(update);

  console.log(`\nGateway benchmark: ${rounds} rounds × ${seconds} s per case, ${header}; ${new Date().toISOString()}\n`);
  if (!onlyTenants) {
    const baseline = median(runs.get(next) ?? []).rps;
    printTable(
      cases.map((c) => ({ name: c.name, runs: runs.get(c) ?? [] })),
      { title: "× Next.js route", of: (r) => `${(r.rps / baseline).toFixed(1)}×` },
    );
    console.log(
      `\n${rejection.name}: ${rejectionTransactions} db transactions in its ${rounds} rounds (trace batches and job polling only)`,
    );
    const describeRatio = median(runs.get(describeTenant) ?? []).rps / baseline;
    const rejectRatio = median(runs.get(rejection) ?? []).rps / baseline;
    console.log(
      `\nTargets: DescribeTenant ≥ 3× → ${describeRatio.toFixed(1)}× ${describeRatio >= 3 ? "met" : "NOT MET"}; rejection ≥ 10× → ${rejectRatio.toFixed(1)}× ${rejectRatio >= 10 ? "met" : "NOT MET"}\n`,
    );
  }
  console.log(
    `${tenantCount.toLocaleString("en")} tenants seeded in ${(seeded / 1000).toFixed(1)} s; ${scaleRounds} rounds per case (cold: ${scale.coldSeconds} s each)\n`,
  );
  printTable(
    scale.rows.map((r) => ({ name: r.note ? `${r.name} (${r.note})` : r.name, runs: r.runs })),
    {
      title: "server CPU µs/req (median) · of which Postgres",
      of: (_m, runs) => `${medianCpu(runs).toFixed(0)} · ${medianCpu(runs, "pgCpuUs").toFixed(0)}`,
    },
  );
  const met = (ratio: number, target: number) => `${ratio.toFixed(2)} ${ratio >= target ? "met" : "NOT MET"}`;
  console.log(
    `\nTargets (medians of the ratios of rounds run side by side): ${tenantCount.toLocaleString("en")} tenants ÷ 10, req/s cold ≥ 0.9 → ${met(scale.cold, 0.9)}; warm ≥ 0.95 → ${met(scale.warm, 0.95)}`,
  );
  console.log(
    `Server CPU per request, 10 tenants ÷ ${tenantCount.toLocaleString("en")}: cold ${scale.coldCpu.toFixed(2)}, warm ${scale.warmCpu.toFixed(2)}`,
  );
} finally {
  await stopAll();
}
