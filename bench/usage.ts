// npm run bench:usage — usage ingest and the hourly aggregation, side by side
// in one run on this machine.
//
// Ingest: the same kind of stream (1,000-event batches over 1,000 tenants,
// 10 % of events repeating an earlier key with the same content) written four
// ways into the same indexed usage_events table, emptied before each:
//   COPY            the distinct rows by COPY, nothing checked: the limit
//   per-row INSERT  one INSERT … ON CONFLICT DO NOTHING per event, 8 at a time
//   batched INSERT  the ledger's statement (lib/billing recordUsage), a batch each, 4 at a time
//   HTTP            POST /api/usage/v1/events on server.ts, signed, 4 requests at a time
// Each rate counts the stream's events (COPY: its distinct rows) per second;
// BENCH_ROUNDS rounds (default 3) interleave, each case shows its median.
//
// Aggregation: BENCH_AGG_EVENTS events (default 10,000,000) recorded in one
// hour, summed by the metering job's own statement (aggregateHour) and by one
// bare INSERT … SELECT … GROUP BY of the same rows, alternating, BENCH_AGG_ROUNDS
// (default 3) each. Targets: HTTP ingest ≥ 0.5× COPY; aggregation ≥ 0.8× bare.
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { aggregateHour, usageSignature } from "../lib/billing";
import type { UsageRow } from "../lib/billing/usage-events";
import { recordUsage } from "../lib/billing/usage-ledger";
import { createDatabase, type DatabaseUrls } from "../lib/db";
import { startServer, stopAll, waitFor } from "./wrk";

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const streamEvents = Number(process.env.BENCH_EVENTS ?? 200_000);
const aggEvents = Number(process.env.BENCH_AGG_EVENTS ?? 10_000_000);
const aggRounds = Number(process.env.BENCH_AGG_ROUNDS ?? 3);
const port = 3215;
const pgPort = 54415;
const dataDir = ".data/bench-usage";
const usageKey = { keyId: "bench-usage", secret: randomBytes(24).toString("base64url") };
const metricNames = ["managed_host_hours", "task_runs", "api_calls"] as const;

type Tenant = { id: string; account: string };
type Event = { tenant: Tenant; metric: string; quantity: number; occurredAt: string; key: string };

/** The stream: batches of 1,000; one event in ten repeats an earlier one (a retry of the same event). */
function stream(tenants: Tenant[]): Event[][] {
  const now = Date.now();
  const events: Event[] = [];
  for (let i = 0; i < streamEvents; i++) {
    if (i % 10 === 9 && events.length) events.push(events[Math.floor(Math.random() * events.length)] as Event);
    else
      events.push({
        tenant: tenants[i % tenants.length] as Tenant,
        metric: metricNames[i % 3] as string,
        quantity: 1 + (i % 5),
        occurredAt: new Date(now - (i % 600) * 1000).toISOString(),
        key: `bench-${randomUUID()}`,
      });
  }
  const batches: Event[][] = [];
  for (let i = 0; i < events.length; i += 1000) batches.push(events.slice(i, i + 1000));
  return batches;
}

async function inParallel<T>(items: T[], width: number, fn: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

const rowOf = (e: Event, index: number): UsageRow => ({
  index,
  channel: "aliyun",
  account: e.tenant.account,
  metric: e.metric,
  quantity: e.quantity.toFixed(6),
  occurredAt: new Date(e.occurredAt),
  idempotencyKey: e.key,
});

const cases: Record<string, (batches: Event[][], pools: { owner: pg.Pool; platform: pg.Pool }) => Promise<number>> = {
  async COPY(batches, { owner }) {
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const e of batches.flat())
      if (!seen.has(e.key)) {
        seen.add(e.key);
        lines.push(`${e.tenant.id}\t${e.metric}\t${e.quantity}\t${e.occurredAt}\t${e.key}\tapi\n`);
      }
    const client = await owner.connect();
    try {
      const copy = client.query(
        copyFrom("COPY usage_events (tenant_id, metric, quantity, occurred_at, idempotency_key, source) FROM STDIN"),
      );
      await pipeline(async function* () {
        for (let i = 0; i < lines.length; i += 1000) yield lines.slice(i, i + 1000).join("");
      }, copy);
    } finally {
      client.release();
    }
    return lines.length;
  },
  async "per-row INSERT"(batches, { platform }) {
    await inParallel(batches.flat(), 8, (e) =>
      platform.query(
        `INSERT INTO usage_events (tenant_id, metric, quantity, occurred_at, idempotency_key, source)
         VALUES ($1, $2, $3, $4, $5, 'api') ON CONFLICT (tenant_id, idempotency_key) DO NOTHING`,
        [e.tenant.id, e.metric, e.quantity, e.occurredAt, e.key],
      ),
    );
    return batches.flat().length;
  },
  async "batched INSERT"(batches, { platform }) {
    await inParallel(batches, 4, async (batch) => {
      // a key twice in one batch is the endpoint's to fold (checkEvents) before the ledger sees it
      const seen = new Set<string>();
      await recordUsage(platform, batch.filter((e) => !seen.has(e.key) && seen.add(e.key)).map(rowOf), "api");
    });
    return batches.flat().length;
  },
  async HTTP(batches) {
    const url = `http://127.0.0.1:${port}/api/usage/v1/events`;
    await inParallel(batches, 4, async (batch) => {
      const body = JSON.stringify({
        events: batch.map((e) => ({
          tenant: { marketplace: "aliyun", parentUid: e.tenant.account },
          metric: e.metric,
          quantity: e.quantity,
          occurredAt: e.occurredAt,
          idempotencyKey: e.key,
        })),
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const res = await fetch(url, {
        method: "POST",
        body,
        headers: {
          "x-usage-key": usageKey.keyId,
          "x-usage-timestamp": timestamp,
          "x-usage-signature": usageSignature(usageKey.secret, timestamp, body),
        },
      });
      const answer = (await res.json()) as { rejected?: unknown[] };
      if (res.status !== 200 || answer.rejected?.length)
        throw new Error(`ingest answered ${res.status}: ${JSON.stringify(answer).slice(0, 300)}`);
    });
    return batches.flat().length;
  },
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const table = (rows: [string, ...string[]][]) => {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths?.[i] ?? 0) : c.padStart(widths?.[i] ?? 0))).join("  "));
};

try {
  rmSync(dataDir, { recursive: true, force: true });
  startServer("node", ["--import", "tsx", "server.ts"], {
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    DEMO_PASSWORD: "bench-password",
    LOG_LEVEL: "warn",
    USAGE_KEYS: `${usageKey.keyId}:${usageKey.secret}`,
    USAGE_RPS: "1000000",
    USAGE_BURST: "1000000",
  });
  await waitFor(`http://127.0.0.1:${port}/signin`);
  const secrets = JSON.parse(readFileSync(`${dataDir}/db-secrets.json`, "utf8"));
  const url = (role: string, password: string) => `postgresql://${role}:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/skyport`;
  const urls: DatabaseUrls = {
    owner: url("postgres", secrets.owner),
    app: url("app", secrets.app),
    platform: url("platform", secrets.platform),
    opsRo: url("ops_ro", secrets.opsRo),
  };
  const pools = {
    owner: new pg.Pool({ connectionString: urls.owner, max: 8 }),
    platform: new pg.Pool({ connectionString: urls.platform, max: 8 }),
  };
  for (const p of Object.values(pools)) p.on("error", () => {}); // the server stopping at the end
  const { rows: tenants } = await pools.owner.query<Tenant>(
    `INSERT INTO tenants (channel, external_id, display_name)
     SELECT 'aliyun', 'bench-' || n, 'Bench tenant ' || n FROM generate_series(1, 1000) AS n
     RETURNING id, external_id AS account`,
  );

  // ingest
  const rates = new Map<string, number[]>(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++)
    for (const [name, run] of Object.entries(cases)) {
      const batches = stream(tenants);
      await pools.owner.query("TRUNCATE usage_events");
      await pools.owner.query("CHECKPOINT");
      const started = performance.now();
      const events = await run(batches, pools);
      rates.get(name)?.push(events / ((performance.now() - started) / 1000));
    }
  const copyRate = median(rates.get("COPY") ?? []);
  // BENCH_ROUNDS=0: the aggregation alone
  if (rounds)
    console.log(
      `\nUsage ingest: ${streamEvents.toLocaleString("en")} events a case (1,000 a batch, 10 % repeats), ${rounds} rounds, medians; ${new Date().toISOString()}\n`,
    );
  if (rounds)
    table([
      ["case", "events/s", "× COPY", "rounds"],
      ...[...rates].map(([name, xs]): [string, string, string, string] => [
        name,
        Math.round(median(xs)).toLocaleString("en"),
        `${(median(xs) / copyRate).toFixed(2)}×`,
        `${xs.map((x) => Math.round(x / 1000)).join("k ")}k`,
      ]),
    ]);

  // aggregation; first a summed hour of now, so the server's own metering job (every minute) sums nothing of what follows
  await pools.owner.query("INSERT INTO metering_hours (hour, records) VALUES (date_trunc('hour', now()), 0) ON CONFLICT DO NOTHING");
  const hour = new Date(Date.UTC(2001, 0, 1));
  await pools.owner.query("TRUNCATE usage_events");
  const generated = performance.now();
  await pools.owner.query(
    `INSERT INTO usage_events (tenant_id, metric, quantity, occurred_at, recorded_at, idempotency_key, source)
     SELECT t.ids[1 + n % array_length(t.ids, 1)], (ARRAY['managed_host_hours', 'task_runs', 'api_calls'])[1 + n % 3], 1 + n % 5,
            $1::timestamptz + (n % 3600) * interval '1 second', $1::timestamptz + (n % 3600) * interval '1 second',
            'agg-' || n, 'api'
     FROM (SELECT array_agg(id) AS ids FROM tenants WHERE external_id LIKE 'bench-%') t, generate_series(1, $2) AS n`,
    [hour, aggEvents],
  );
  await pools.owner.query("VACUUM ANALYZE usage_events");
  await pools.owner.query("CHECKPOINT");
  console.log(`\n${aggEvents.toLocaleString("en")} events of one hour written in ${((performance.now() - generated) / 1000).toFixed(0)} s`);
  await pools.owner.query(
    "CREATE TABLE IF NOT EXISTS bench_hourly (tenant_id uuid, metric text, hour timestamptz, quantity numeric(20, 6), PRIMARY KEY (tenant_id, metric, hour))",
  );
  const db = createDatabase(urls, 2);
  const times = { bare: [] as number[], job: [] as number[] };
  // one untimed pass first: the hour's rows in the cache for both cases alike
  await pools.owner.query(
    "SELECT count(*), sum(quantity) FROM usage_events WHERE recorded_at >= $1 AND recorded_at < $1::timestamptz + interval '1 hour'",
    [hour],
  );
  for (let round = 0; round < aggRounds; round++) {
    await pools.owner.query("TRUNCATE bench_hourly");
    await pools.owner.query("DELETE FROM metering_log; DELETE FROM metering_records");
    await pools.owner.query("DELETE FROM metering_hours WHERE hour = $1", [hour]);
    let started = performance.now();
    await pools.owner.query(
      `INSERT INTO bench_hourly SELECT tenant_id, metric, $1, sum(quantity) FROM usage_events
       WHERE recorded_at >= $1 AND recorded_at < $1::timestamptz + interval '1 hour' GROUP BY tenant_id, metric`,
      [hour],
    );
    times.bare.push(performance.now() - started);
    started = performance.now();
    await aggregateHour(db.platformDb, hour);
    times.job.push(performance.now() - started);
  }
  await db.close();
  const ratio = median(times.bare) / median(times.job);
  console.log(
    `\nHourly aggregation of ${aggEvents.toLocaleString("en")} events (1,000 tenants × 3 metrics), ${aggRounds} rounds, medians\n`,
  );
  table([
    ["case", "seconds", "events/s", "rounds (s)"],
    ...(["bare", "job"] as const).map((k): [string, string, string, string] => [
      k === "bare" ? "bare INSERT … SELECT … GROUP BY" : "metering job (aggregateHour)",
      (median(times[k]) / 1000).toFixed(2),
      Math.round(aggEvents / (median(times[k]) / 1000)).toLocaleString("en"),
      times[k].map((x) => (x / 1000).toFixed(1)).join(" "),
    ]),
  ]);
  const httpRatio = median(rates.get("HTTP") ?? []) / copyRate;
  console.log(
    `\nTargets: HTTP ingest ≥ 0.5× COPY → ${httpRatio.toFixed(2)}× ${httpRatio >= 0.5 ? "met" : "NOT MET"} (${Math.round(median(rates.get("HTTP") ?? [])).toLocaleString("en")} events/s; ≥ 50,000 expected); aggregation ≥ 0.8× bare → ${ratio.toFixed(2)}× ${ratio >= 0.8 ? "met" : "NOT MET"}`,
  );
  await Promise.all([pools.owner.end(), pools.platform.end()]);
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await stopAll();
}
