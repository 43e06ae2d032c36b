// For bench/gateway.ts: DescribeTenant with requests spread over 100,000
// tenants against the same spread over 10, in interleaved rounds.
//   cold: each round calls tenants no earlier round called, so every call
//         finds its tenant id uncached (the first minutes after a start)
//   warm: after one pass over all of them, calls in random order
// Each is reported as a ratio to the 10-tenant rounds run beside it.
import { randomInt } from "node:crypto";
import pg from "pg";
import type { ConsoleKey } from "../lib/config";
import { signedQuery } from "../lib/gateway/sign-request";
import { get, measure, median, type Run, seconds } from "./wrk";

export const tenantCount = Number(process.env.BENCH_TENANTS ?? 100_000);
// more rounds than the other cases: a round that a vacuum or checkpoint lands
// in moves a median of three; cold rounds are shorter, so that seven of them
// still find their tenants uncached
export const scaleRounds = Number(process.env.BENCH_SCALE_ROUNDS ?? 7);
const account = (n: number) => `bench-${n}`;

/**
 * One INSERT … SELECT per table: tenants, their owners and live
 * subscriptions, as a purchase would leave them, then vacuumed and
 * checkpointed. Seconds, not minutes.
 */
export async function seedTenants(ownerUrl: string): Promise<number> {
  const started = performance.now();
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    await c.query("BEGIN");
    await c.query(
      `INSERT INTO tenants (channel, external_id, display_name)
       SELECT 'aliyun', 'bench-' || g, 'Bench tenant ' || g FROM generate_series(1, $1::int) g
       ON CONFLICT DO NOTHING`,
      [tenantCount],
    );
    await c.query(
      `INSERT INTO memberships (tenant_id, uid, role)
       SELECT id, external_id, 'owner' FROM tenants WHERE channel = 'aliyun' AND external_id LIKE 'bench-%'
       ON CONFLICT DO NOTHING`,
    );
    await c.query(
      `INSERT INTO subscriptions (tenant_id, plan, sku, starts_at, expires_at)
       SELECT t.id, 'standard', 'sku-standard', now() - interval '1 day', now() + interval '30 days'
       FROM tenants t WHERE t.channel = 'aliyun' AND t.external_id LIKE 'bench-%'
         AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.tenant_id = t.id)`,
    );
    await c.query("COMMIT");
    // the seed's aftermath (autovacuum of the new rows, a checkpoint of their
    // pages) done now, not in the server's CPU during the measured rounds
    await c.query("VACUUM ANALYZE tenants, memberships, subscriptions");
    await c.query("CHECKPOINT");
  } finally {
    await c.end();
  }
  return performance.now() - started;
}

// numbers each list of paths: a round never sends a traceId an earlier round sent
let lists = 0;

/**
 * Signed DescribeTenant paths for the main accounts of these tenants, in this
 * order, each with a traceId no other request sends: as many distinct traceIds in every
 * case, so that the trace table's indexes cost the same whatever the tenants.
 */
function describePaths(key: ConsoleKey, tenants: number[]): string[] {
  const list = lists++;
  return tenants.map((n, i) => {
    const uid = account(n);
    const userinfo = { uid, parentUid: uid, accountType: "main", marketplace: "aliyun" };
    return `/api/DescribeTenant?${signedQuery(key, "DescribeTenant", userinfo, {}, `bench-scale-${list}-${n}-${i}`)}`;
  });
}

function shuffled(n: number): number[] {
  const a = Array.from({ length: n }, (_, i) => i + 1);
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j] as number, a[i] as number];
  }
  return a;
}

export type ScaleResult = { name: string; runs: Run[]; note?: string }[];

/** The median of the rounds' server CPU per request (of which Postgres's, with `of`). */
export const medianCpu = (runs: Run[], of: "cpuUs" | "pgCpuUs" = "cpuUs") => middle(runs.map((r) => r[of] ?? Number.NaN));

const middle = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * The median of the ratios of rounds run side by side (a[i] beside b[i]): the
 * machine's speed drifts over minutes on a shared host, and a pair of rounds
 * a few seconds apart sees the same drift, where a ratio of two medians taken
 * over minutes does not.
 */
const pairedRatio = (a: Run[], b: Run[], of: (r: Run) => number) => middle(a.map((r, i) => of(r) / of(b[i] as Run)));

/**
 * Interleaved rounds of 10 tenants against 100,000, cold and then warm. The
 * ratios are of req/s (the target) and of server CPU per request (10 tenants'
 * over 100,000's: 1 is flat), which a busy shared machine disturbs less, each
 * the median of the ratios of the rounds run side by side.
 */
export function measureTenantsAtScale(
  url: string,
  rounds: number,
  serverPid: number,
  key: ConsoleKey,
): { rows: ScaleResult; coldSeconds: number; cold: number; warm: number; coldCpu: number; warmCpu: number } {
  const run = (paths: string[], duration = seconds) => measure(url, paths.map(get), duration, serverPid);
  // 30,000 requests, more than a round sends; beside warm rounds as many as theirs, so that wrk
  // walks as long a list on both sides (100,000 requests are 33 MB; this machine's L3 holds 32)
  const ten = (length = 30_000) =>
    describePaths(
      key,
      Array.from({ length }, (_, i) => (i % 10) + 1),
    );
  const order = shuffled(tenantCount).filter((n) => n > 10);
  const slice = Math.floor(order.length / rounds);
  // cold rounds of 2 s, or of 1 s (wrk's shortest) where 2 s at the 10-tenant
  // rate, which cold does not exceed, would run past a round's slice
  const coldSeconds = run(ten(), 1).rps * 2 < slice * 0.9 ? Math.min(seconds, 2) : 1;
  const tenCold: Run[] = [];
  const cold: Run[] = [];
  for (let round = 0; round < rounds; round++) {
    tenCold.push(run(ten(), coldSeconds));
    cold.push(run(describePaths(key, order.slice(round * slice, (round + 1) * slice)), coldSeconds));
  }
  // a cold round that sent more calls than its slice has tenants went round it again, partly warm
  const rewarmed = cold.filter((r) => r.requests > slice).length;

  // one pass over every tenant, long enough to reach them all at the cold rate
  const pass = Math.ceil((tenantCount / median(cold).rps) * 1.3);
  run(describePaths(key, shuffled(tenantCount)), pass);
  const tenWarm: Run[] = [];
  const warm: Run[] = [];
  for (let round = 0; round < rounds; round++) {
    tenWarm.push(run(ten(tenantCount)));
    warm.push(run(describePaths(key, shuffled(tenantCount))));
  }
  const rps = (r: Run) => r.rps;
  // CPU the other way round: 10 tenants' over 100,000's, so that 1 is flat and less is worse
  const perRequest = (r: Run) => 1 / (r.cpuUs ?? Number.NaN);
  return {
    rows: [
      { name: "DescribeTenant, 10 tenants (beside cold)", runs: tenCold },
      {
        name: `DescribeTenant, ${tenantCount.toLocaleString("en")} tenants, cold`,
        runs: cold,
        ...(rewarmed && { note: `${rewarmed} of ${rounds} rounds sent more calls than their ${slice} tenants: partly warm` }),
      },
      { name: "DescribeTenant, 10 tenants (beside warm)", runs: tenWarm },
      { name: `DescribeTenant, ${tenantCount.toLocaleString("en")} tenants, warm`, runs: warm },
    ],
    coldSeconds,
    cold: pairedRatio(cold, tenCold, rps),
    warm: pairedRatio(warm, tenWarm, rps),
    coldCpu: pairedRatio(cold, tenCold, perRequest),
    warmCpu: pairedRatio(warm, tenWarm, perRequest),
  };
}
