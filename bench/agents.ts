// npm run bench:agents — the agents' channel under heartbeats, side by side in
// one run on loopback: plain node:http (the ceiling), the gateway's
// DescribeTenant (a read through the whole pipeline), and signed heartbeats
// from 10,000 enrolled agents (BENCH_AGENTS). Prints req/s, p50, p99, the
// heartbeats' ratio to plain node:http, and the Postgres transactions they
// cost: every one, and the write transactions (those assigned a transaction
// id). Rounds interleave (BENCH_ROUNDS, default 3, of BENCH_SECONDS, default 5)
// and each case shows its median round. Load from wrk (docs/benchmarks.md).
import { createHash, createHmac, randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import pg from "pg";
import { agentSecret } from "../lib/agents";
import { signedQuery } from "../lib/gateway/sign-request";
import { get, header, measure, median, printTable, type Run, requireWrk, seconds, startServer, stopAll, waitFor } from "./wrk";

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const agentCount = Number(process.env.BENCH_AGENTS ?? 10_000);
const ports = { plain: 3211, skyport: 3213, pg: 54412 };
const consoleKey = { keyId: "bench-aliyun", channel: "aliyun", secret: randomBytes(24).toString("base64url") } as const;
const sealKey = { keyId: "bench1", key: randomBytes(32) };
const buyer = { uid: "1001", parentUid: "1001", accountType: "main", marketplace: "aliyun" };

/** Enough signed heartbeats for one round, each with its own nonce, round-robin over the agents. */
function heartbeats(agents: { id: string; secret: string }[]): string[] {
  const body = JSON.stringify({ agentVersion: "1.0.0" });
  const bodyHash = createHash("sha256").update(body).digest("hex");
  const path = "/api/agent/v1/heartbeat";
  const timestamp = String(Math.floor(Date.now() / 1000));
  return Array.from({ length: 12_000 * seconds }, (_, i) => {
    const agent = agents[i % agents.length] as { id: string; secret: string };
    const nonce = randomBytes(18).toString("base64url");
    const signature = createHmac("sha256", agent.secret).update(`POST\n${path}\n${timestamp}\n${nonce}\n${bodyHash}`).digest("base64url");
    const headers = `content-type: application/json|x-agent-id: ${agent.id}|x-agent-timestamp: ${timestamp}|x-agent-nonce: ${nonce}|x-agent-signature: ${signature}`;
    return `POST\t${path}\t${headers}\t${body}`;
  });
}

/** Sends each request once, 50 at a time. */
async function warmUp(url: string, lines: string[]) {
  const send = async (line: string) => {
    const [method, path, headerText, body] = line.split("\t") as [string, string, string, string];
    const headers = Object.fromEntries(headerText.split("|").map((h) => h.split(": ") as [string, string]));
    const res = await fetch(`${url}${path}`, { method, headers, body });
    if (res.status !== 200) throw new Error(`warm-up heartbeat answered ${res.status}: ${await res.text()}`);
  };
  for (let i = 0; i < lines.length; i += 50) await Promise.all(lines.slice(i, i + 50).map(send));
}

/** Transactions so far, and transaction ids handed out so far (one per transaction that wrote). */
async function counters(c: pg.Client) {
  const { rows } = await c.query(
    `SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'skyport') AS all,
            pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xids`,
  );
  return { all: Number(rows[0].all), xids: Number(rows[0].xids) };
}

/** One enterprise tenant (the demo's 1001) with `agentCount` enrolled agents, written straight into the database. */
async function seedAgents(c: pg.Client) {
  const [tenant] = (await c.query("SELECT id FROM tenants WHERE channel = 'aliyun' AND external_id = '1001'")).rows;
  await c.query("UPDATE subscriptions SET plan = 'enterprise' WHERE tenant_id = $1", [tenant.id]);
  const [download] = (
    await c.query(
      `INSERT INTO agent_downloads (tenant_id, os, created_by, expires_at, enrolment_expires_at, max_enrolments)
       VALUES ($1, 'linux-x64', 'bench', now() + interval '1 hour', now() + interval '1 day', $2) RETURNING id`,
      [tenant.id, agentCount],
    )
  ).rows;
  const { rows } = await c.query(
    `INSERT INTO agents (tenant_id, download_id, machine_id, hostname, os, arch, secret_key_id)
     SELECT $1, $2, 'bench-machine-' || n, 'host-' || lpad(n::text, 5, '0'), 'linux', 'x64', $3
     FROM generate_series(1, $4) AS n RETURNING id`,
    [tenant.id, download.id, sealKey.keyId, agentCount],
  );
  return rows.map((r: { id: string }) => ({ id: r.id, secret: agentSecret([sealKey], sealKey.keyId, r.id, 1) as string }));
}

try {
  requireWrk();
  rmSync(".data/bench-agents", { recursive: true, force: true });
  startServer("node", ["bench/servers/plain-http.mjs"], { PORT: String(ports.plain) });
  startServer("node", ["--import", "tsx", "server.ts"], {
    PORT: String(ports.skyport),
    DATA_DIR: ".data/bench-agents",
    EMBEDDED_PG_PORT: String(ports.pg),
    DEMO_PASSWORD: "bench-password",
    LOG_LEVEL: "warn",
    CONSOLE_KEYS: `${consoleKey.keyId}:aliyun:${consoleKey.secret}`,
    AGENT_SEAL_KEYS: `${sealKey.keyId}:${sealKey.key.toString("base64")}`,
    GATEWAY_TENANT_RPS: "1000000000",
    GATEWAY_TENANT_BURST: "1000000000",
    AGENT_TENANT_RPS: "1000000000",
    AGENT_TENANT_BURST: "1000000000",
  });
  await Promise.all([waitFor(`http://127.0.0.1:${ports.plain}/`), waitFor(`http://127.0.0.1:${ports.skyport}/signin`)]);
  const secrets = JSON.parse(readFileSync(".data/bench-agents/db-secrets.json", "utf8"));
  const db = new pg.Client({
    connectionString: `postgresql://postgres:${encodeURIComponent(secrets.owner)}@127.0.0.1:${ports.pg}/skyport`,
  });
  await db.connect();
  const agents = await seedAgents(db);

  const gw = `http://127.0.0.1:${ports.skyport}`;
  const readCall = () => [get(`/api/DescribeTenant?${signedQuery(consoleKey, "DescribeTenant", buyer, {}, "bench-describe")}`)];
  // warm up: every agent once (the channel then knows them all, as it would after one interval), JIT, pools
  await warmUp(gw, heartbeats(agents).slice(0, agentCount));
  measure(gw, readCall(), 2);

  const cases = [
    { name: "node:http constant JSON", url: `http://127.0.0.1:${ports.plain}`, lines: () => [get("/")] },
    { name: "gateway: DescribeTenant (read, full pipeline)", url: gw, lines: readCall },
    { name: `agent heartbeats (signed, ${agentCount.toLocaleString("en")} agents)`, url: gw, lines: () => heartbeats(agents) },
  ];
  const [plain, , beat] = cases as [(typeof cases)[0], (typeof cases)[0], (typeof cases)[0]];
  const runs = new Map(cases.map((c) => [c, [] as Run[]]));
  let beats = 0;
  const cost = { all: 0, xids: 0 };
  for (let round = 0; round < rounds; round++)
    for (const c of cases) {
      const lines = c.lines();
      const before = c === beat ? await counters(db) : undefined;
      const run = measure(c.url, lines);
      runs.get(c)?.push(run);
      if (before) {
        await new Promise((r) => setTimeout(r, 2_500)); // the last batch of last-seen times lands
        const after = await counters(db);
        beats += Math.round(run.rps * seconds);
        cost.all += after.all - before.all - 2; // less this probe's own two reads
        cost.xids += after.xids - before.xids;
      }
    }
  await db.end();

  const medians = new Map(cases.map((c) => [c, median(runs.get(c) ?? [])]));
  const ceiling = medians.get(plain)?.rps ?? Number.NaN;
  console.log(`\nAgents benchmark: ${rounds} rounds × ${seconds} s per case, ${header}; ${new Date().toISOString()}\n`);
  printTable(
    cases.map((c) => ({ name: c.name, runs: runs.get(c) ?? [] })),
    { title: "× node:http", of: (m) => `${(m.rps / ceiling).toFixed(2)}×` },
  );
  const ratio = (medians.get(beat)?.rps ?? 0) / ceiling;
  const writes = cost.xids / beats;
  console.log(
    `\nHeartbeats: ${beats} in ${rounds} rounds; Postgres transactions ${cost.all} (${(cost.all / beats).toFixed(4)} per heartbeat), of which wrote ${cost.xids} (${writes.toFixed(4)} per heartbeat; jobs' and traces' included)`,
  );
  console.log(
    `Targets: heartbeats ≥ 0.25× node:http → ${ratio.toFixed(2)}× ${ratio >= 0.25 ? "met" : "NOT MET"}; write transactions < 0.05 per heartbeat → ${writes.toFixed(4)} ${writes < 0.05 ? "met" : "NOT MET"}`,
  );
} finally {
  await stopAll();
}
