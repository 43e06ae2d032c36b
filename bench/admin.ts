// npm run bench:admin — the back office's reads at 100,000 tenants and
// 1,000,000 traces against the same reads at 1,000 tenants and 10,000 traces,
// side by side in one run: two embedded Postgres clusters (.data/bench-admin-*),
// seeded in seconds by one INSERT … SELECT per table, then rounds that
// alternate between them. Measures server time of each read as the pages
// issue it (lib/backoffice through the ops_ro client): the tenant list
// (channel filter, newest first, page 1, a deep page by keyset, and with the
// agents filter), a tenant detail, a traceId lookup, and a bare primary-key
// select of a trace; and the overview, which reads every tenant by design
// (reported, no flat-cost target).
// BENCH_ITERATIONS (default 200) calls per query per round, 3 rounds;
// BENCH_TENANTS (default 100,000) sets the large side (traces: ten per tenant).
import { rmSync } from "node:fs";
import {
  encodeCursor,
  listTenantPage,
  readOverview,
  searchTraces,
  tenantDetail,
  tenantListQuery,
  tenantSummary,
  traceQuery,
} from "../lib/backoffice";
import { createDatabase, type Database, type PrismaClient } from "../lib/db";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { maintainTracePartitions } from "../lib/jobs";
import { freePort } from "../test/free-port";

const iterations = Number(process.env.BENCH_ITERATIONS ?? 200);
const rounds = 3;
const largeTenants = Number(process.env.BENCH_TENANTS ?? 100_000);
const sizes = { small: { tenants: 1_000, traces: 10_000 }, large: { tenants: largeTenants, traces: largeTenants * 10 } };
type Size = keyof typeof sizes;

async function seed(owner: PrismaClient, platform: PrismaClient, n: { tenants: number; traces: number }) {
  const started = performance.now();
  await maintainTracePartitions(platform, { retentionDays: 14, now: new Date() });
  // tenants over the last year, a third per channel; each with a subscription (an instance id) and two hosts
  await owner.$executeRawUnsafe(`
    INSERT INTO tenants (channel, external_id, display_name, created_at)
    SELECT (ARRAY['aliyun','aws','direct'])[1 + g % 3]::channel, 'acct-' || g, 'Tenant ' || lpad(g::text, 6, '0'),
           now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second'
    FROM generate_series(1, ${n.tenants}) g`);
  await owner.$executeRawUnsafe(`
    INSERT INTO subscriptions (tenant_id, plan, sku, starts_at, expires_at, instance_id)
    SELECT id, plan, 'skyport-' || plan, created_at, now() + ((hashtext(id::text) & 1023) % 60) * interval '1 day', 'i-' || external_id
    FROM (SELECT *, (ARRAY['basic','standard','enterprise'])[1 + (hashtext(id::text) & 3) % 3] AS plan FROM tenants) t`);
  // the marketplace's order that bought each (the revenue estimate prices a subscription by the SKUs its orders named)
  await owner.$executeRawUnsafe(`
    INSERT INTO marketplace_orders (tenant_id, at, instance_id, action, sku, expires_at)
    SELECT s.tenant_id, s.starts_at, s.instance_id, 'createInstance', s.sku, s.expires_at
    FROM subscriptions s JOIN tenants t ON t.id = s.tenant_id AND t.channel <> 'direct'`);
  await owner.$executeRawUnsafe(`
    INSERT INTO agent_downloads (tenant_id, os, created_by, expires_at, enrolment_expires_at, max_enrolments)
    SELECT id, 'linux-x64', 'bench', now(), now(), 10 FROM tenants`);
  await owner.$executeRawUnsafe(`
    INSERT INTO agents (tenant_id, download_id, machine_id, hostname, os, arch, secret_key_id, last_seen_at)
    SELECT d.tenant_id, d.id, 'machine-' || h, 'host-' || h, 'linux', 'x64', 'bench',
           -- one tenant in ten silent since yesterday, the rest heard from for the whole run (a time ahead of
           -- it: no heartbeats are sent): the agents filter finds as many per page in every round
           CASE WHEN (hashtext(d.tenant_id::text) & 1023) % 10 = 0 THEN now() - interval '1 day' ELSE now() + interval '1 hour' END
    FROM agent_downloads d, generate_series(1, 2) h`);
  // traces over today's partition (so far), each tenant's share, one in twenty a failure
  // the tenant of trace g picked from an array by position: no join per row
  await owner.$executeRawUnsafe(`
    INSERT INTO gateway_traces (trace_id, at, action, code, http_status, latency_ms, channel, parent_uid, uid, tenant_id)
    SELECT 'trace-' || g, greatest(date_trunc('day', now()), now() - (g % 36000) * interval '1 second'),
           (ARRAY['DescribeTenant','ListOrders','UpdateTenantProfile','DescribeHosts'])[1 + g % 4],
           CASE WHEN g % 20 = 0 THEN 'Forbidden' ELSE 'OK' END, CASE WHEN g % 20 = 0 THEN 403 ELSE 200 END,
           1 + (g % 50) / 10.0, 'aliyun', 'acct-' || g % ${n.tenants}, 'acct-' || g % ${n.tenants}, ids.a[1 + g % ${n.tenants}]
    FROM (SELECT array_agg(id) AS a FROM tenants) ids, generate_series(1, ${n.traces}) g`);
  await owner.$executeRawUnsafe("VACUUM ANALYZE tenants, subscriptions, marketplace_orders, agent_downloads, agents, gateway_traces");
  await owner.$executeRawUnsafe("CHECKPOINT");
  return performance.now() - started;
}

/** `scans`: reads every tenant by design (the overview's totals), so it grows with them and has no flat-cost target */
type Probe = { name: string; run: () => Promise<unknown>; scans?: true };

async function probes(db: Database): Promise<Probe[]> {
  const ops = db.opsDb;
  const filter = { channel: "aliyun", sort: "newest", size: "50" };
  const aliyun = await ops.tenant.count({ where: { channel: "aliyun" } });
  // page 500 where there is one; at 1,000 tenants the deepest page there is
  const deep = Math.min(500, Math.floor(aliyun / 50));
  const [edge] = await ops.$queryRawUnsafe<{ createdAt: Date; id: string }[]>(
    `SELECT created_at AS "createdAt", id::text FROM tenants WHERE channel = 'aliyun' ORDER BY created_at DESC, id DESC OFFSET ${(deep - 1) * 50 - 1} LIMIT 1`,
  );
  if (!edge) throw new Error("no deep page");
  const after = encodeCursor({ sort: "newest", value: edge.createdAt.toISOString(), id: edge.id });
  const tenantIds = (await ops.tenant.findMany({ select: { id: true }, take: 500 })).map((t) => t.id);
  const traces = await ops.gatewayTrace.findMany({ select: { id: true, at: true, traceId: true }, take: 500, orderBy: { id: "desc" } });
  let i = 0;
  const next = <T>(xs: T[]) => xs[i++ % xs.length] as T;
  return [
    { name: "tenant list, page 1", run: () => listTenantPage(ops, tenantListQuery.parse(filter), 30) },
    { name: `tenant list, page ${deep} (keyset)`, run: () => listTenantPage(ops, tenantListQuery.parse({ ...filter, after }), 30) },
    { name: "tenant list, agents offline", run: () => listTenantPage(ops, tenantListQuery.parse({ ...filter, agents: "offline" }), 30) },
    {
      name: "tenant detail",
      run: () => {
        const id = next(tenantIds);
        return Promise.all([tenantSummary(ops, id, { masked: false }), tenantDetail(ops, id)]);
      },
    },
    { name: "traceId lookup", run: () => searchTraces(ops, traceQuery.parse({ traceId: next(traces).traceId })) },
    { name: "overview by day (every tenant)", run: () => readOverview(ops, "day", 30), scans: true },
    {
      name: "bare PK select of a trace",
      run: () => {
        const t = next(traces);
        return ops.$queryRaw`SELECT * FROM gateway_traces WHERE id = ${t.id} AND at = ${t.at}`;
      },
    },
  ];
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] as number;

async function main() {
  const dbs = {} as Record<Size, Database>;
  const stops: (() => Promise<void>)[] = [];
  for (const size of ["small", "large"] as Size[]) {
    const dataDir = `.data/bench-admin-${size}`;
    rmSync(dataDir, { recursive: true, force: true });
    const pg = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    stops.push(() => pg.stop());
    await migrate(pg.urls);
    dbs[size] = createDatabase(pg.urls, 4);
    const owner = createDatabase({ ...pg.urls, platform: pg.urls.owner }, 1);
    const ms = await seed(owner.platformDb, dbs[size].platformDb, sizes[size]);
    await owner.close();
    console.log(
      `seeded ${size}: ${sizes[size].tenants.toLocaleString("en")} tenants, ${sizes[size].traces.toLocaleString("en")} traces in ${(ms / 1000).toFixed(1)} s`,
    );
  }
  const sets = { small: await probes(dbs.small), large: await probes(dbs.large) };
  const times: Record<Size, number[][]> = { small: sets.small.map(() => []), large: sets.large.map(() => []) };
  for (const size of ["small", "large"] as Size[]) for (const p of sets[size]) for (let k = 0; k < 20; k++) await p.run(); // warm-up
  for (let round = 0; round < rounds; round++)
    for (const size of ["small", "large"] as Size[])
      for (const [q, p] of sets[size].entries())
        for (let k = 0; k < iterations; k++) {
          const t0 = performance.now();
          await p.run();
          (times[size][q] as number[]).push(performance.now() - t0);
        }

  const ms = (x: number) => x.toFixed(2);
  console.log(`\n${iterations * rounds} calls per query and size (${rounds} interleaved rounds), server time in ms\n`);
  const big = `${sizes.large.tenants / 1000}k`;
  console.log(`| query | p50 at 1k / 10k | p95 at 1k / 10k | p50 at ${big} | p95 at ${big} | p50 ratio (target ≤ 1.5) |`);
  console.log("|---|---:|---:|---:|---:|---:|");
  const p50 = (size: Size, q: number) => percentile(times[size][q] as number[], 0.5);
  for (const [q, p] of sets.large.entries()) {
    const small = times.small[q] as number[];
    const large = times.large[q] as number[];
    const name = q === 1 ? `tenant list, deep page (${sets.small[q]?.name.replace(/\D+/g, "")} / ${p.name.replace(/\D+/g, "")})` : p.name;
    console.log(
      `| ${name} | ${ms(percentile(small, 0.5))} | ${ms(percentile(small, 0.95))} | ${ms(percentile(large, 0.5))} | ${ms(percentile(large, 0.95))} | ${(p50("large", q) / p50("small", q)).toFixed(2)}${p.scans ? " (no target)" : ""} |`,
    );
  }
  const lookup = sets.large.findIndex((p) => p.name === "traceId lookup");
  const bare = sets.large.findIndex((p) => p.name.startsWith("bare PK"));
  console.log(
    `\ntraceId lookup ÷ bare PK select at ${sizes.large.traces.toLocaleString("en")} traces (target ≤ 2): ${(p50("large", lookup) / p50("large", bare)).toFixed(2)}`,
  );
  for (const db of Object.values(dbs)) await db.close();
  for (const stop of stops) await stop();
}

await main();
