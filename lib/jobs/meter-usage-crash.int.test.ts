import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testSecrets } from "../../test/config";
import { billedTenant, hourMs, recordFor, thisHour } from "../../test/metering-fixtures";
import { type EmulatorRequest, serveEmulator } from "../../test/serve-emulator";
import { metricIds } from "../billing";
import { createDatabase, type Database } from "../db";
import { createAwsMarketplaceEmulator } from "../sandbox/emulators/aws-marketplace";

// The metering worker as a real child process (scripts/meter-usage.ts, what
// the every-minute job runs), killed with SIGKILL at three points; after a
// restart what the emulated AWS Marketplace recorded equals the ledger.

const awsKeys = new Map([["AKIDCRASH", "aws-crash-secret-0123456789"]]);
const aws = createAwsMarketplaceEmulator(awsKeys, "us-east-1");
/** calls answered before the emulator holds one: it records the held call's usage, then never answers */
let answerBeforeHold = Number.POSITIVE_INFINITY;
let answered = 0;
let held: (() => void) | undefined;

let db: Database;
let server: Awaited<ReturnType<typeof serveEmulator>>;
beforeAll(async () => {
  db = createDatabase(inject("dbUrls"), 4);
  server = await serveEmulator(async (req: EmulatorRequest) => {
    const out = await aws.handle(req);
    if (answered++ >= answerBeforeHold)
      await new Promise<void>((resolve) => {
        held = resolve;
      });
    return out as never;
  }, "application/x-amz-json-1.1");
  // the hours before this one count as summed, so the worker sums nothing another test file is summing
  const lastClosed = new Date(Math.floor(Date.now() / hourMs) * hourMs - hourMs);
  await db.platformDb.$executeRaw`INSERT INTO metering_hours (hour, records) VALUES (${lastClosed}, 0) ON CONFLICT DO NOTHING`;
});
afterAll(async () => {
  held?.();
  await server.close();
  await db.close();
});

/** scripts/meter-usage.ts as a child process; `report` is what it printed, when it has exited. */
function worker() {
  const urls = inject("dbUrls");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/meter-usage.ts"], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      ...testSecrets,
      DATABASE_URL: urls.owner,
      APP_DATABASE_URL: urls.app,
      PLATFORM_DATABASE_URL: urls.platform,
      OPS_DATABASE_URL: urls.opsRo,
      SANDBOX: "off",
      AWS_MARKETPLACE_ENDPOINT: server.endpoint,
      AWS_MARKETPLACE_ACCESS_KEY_ID: "AKIDCRASH",
      AWS_MARKETPLACE_SECRET_ACCESS_KEY: "aws-crash-secret-0123456789",
      METERING_LEASE_SECONDS: "5",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (c: Buffer) => {
    out += c;
  });
  child.stderr.on("data", (c: Buffer) => {
    out += c;
  });
  const report = new Promise<string>((resolve) => child.once("exit", () => resolve(out)));
  return { kill: () => child.kill("SIGKILL"), report };
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 30_000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error(`timed out waiting for ${what}`);
}

/** 12 AWS tenants, three metrics each: 36 records, two BatchMeterUsage calls. */
async function usage() {
  const hour = thisHour();
  const tenants = [];
  for (let i = 0; i < 12; i++) {
    const t = await billedTenant(db.platformDb, "aws", null);
    const licenseArn = `arn:aws:license-manager::${t.parentUid}:license:l-${randomUUID().slice(0, 12)}`;
    aws.sell(
      { CustomerAWSAccountId: t.parentUid, ProductCode: "skyport-sandbox", LicenseArn: licenseArn, CustomerIdentifier: `c-${i}` },
      [],
    );
    await db.platformDb.subscription.updateMany({ where: { tenantId: t.id }, data: { instanceId: licenseArn } });
    for (const [m, metric] of metricIds.entries()) await recordFor(db.platformDb, t, metric, [i + 1, m + 1], hour);
    tenants.push({ tenant: t, licenseArn });
  }
  return tenants;
}

/** Per tenant and dimension, what AWS recorded equals the ledger; every record accepted, none twice. */
async function expectChannelEqualsLedger(tenants: Awaited<ReturnType<typeof usage>>) {
  for (const { tenant, licenseArn } of tenants) {
    const ledger = await db.platformDb.usageEvent.groupBy({ by: ["metric"], where: { tenantId: tenant.id }, _sum: { quantity: true } });
    for (const l of ledger) {
      const recorded = [...aws.metered.values()].filter((m) => m.LicenseArn === licenseArn && m.Dimension === l.metric);
      expect(recorded, `${tenant.parentUid} ${l.metric}`).toHaveLength(1);
      expect(recorded[0]?.Quantity).toBe(Number(l._sum.quantity));
    }
    const records = await db.platformDb.meteringRecord.findMany({ where: { tenantId: tenant.id } });
    expect(records.map((r) => r.state)).toEqual(["accepted", "accepted", "accepted"]);
  }
}

async function recover() {
  answerBeforeHold = Number.POSITIVE_INFINITY;
  held?.();
  held = undefined;
  // the sent records' lease (5 s) runs out, then a new worker sends them again
  await new Promise((r) => setTimeout(r, 5_500));
  const again = worker();
  expect(await again.report).toMatch(/"accepted":36/);
}

describe("the metering worker killed with SIGKILL", () => {
  it("before its claim commits: nothing was sent, the restart sends everything once", async () => {
    const tenants = await usage();
    // the claim reads subscriptions: hold the table so the worker waits inside its claim transaction
    const lock = new pg.Client({ connectionString: inject("dbUrls").owner });
    await lock.connect();
    await lock.query("BEGIN; LOCK TABLE subscriptions IN ACCESS EXCLUSIVE MODE");
    const w = worker();
    try {
      await until("the worker to wait on the lock", async () => {
        const { rows } = await lock.query(
          "SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'subscriptions'::regclass AND NOT granted",
        );
        return rows[0].n > 0;
      });
      w.kill();
      await w.report;
    } finally {
      await lock.query("ROLLBACK");
      await lock.end();
    }
    expect(
      await db.platformDb.meteringRecord.count({ where: { tenantId: { in: tenants.map((t) => t.tenant.id) }, state: "pending" } }),
    ).toBe(36);
    const again = worker();
    expect(await again.report).toMatch(/"accepted":36/);
    await expectChannelEqualsLedger(tenants);
  }, 60_000);

  it("after its claim committed, before the channel answered: the restart sends the same records, taken once", async () => {
    const tenants = await usage();
    answered = 0;
    answerBeforeHold = 0; // the first call is recorded, its answer never comes
    const w = worker();
    await until("the first call to be held", () => held !== undefined);
    w.kill();
    await w.report;
    expect(await db.platformDb.meteringRecord.count({ where: { tenantId: { in: tenants.map((t) => t.tenant.id) }, state: "sent" } })).toBe(
      36,
    );
    await recover();
    await expectChannelEqualsLedger(tenants);
  }, 60_000);

  it("in the middle of a batch (one call answered, the next held): the restart sends both again, each record taken once", async () => {
    const tenants = await usage();
    answered = 0;
    answerBeforeHold = 1;
    const w = worker();
    await until("the second call to be held", () => held !== undefined);
    w.kill();
    await w.report;
    // the first call's 25 records reached AWS, the worker never wrote that they did
    const licenses = new Set(tenants.map((t) => t.licenseArn));
    expect([...aws.metered.values()].filter((m) => licenses.has(m.LicenseArn)).length).toBeGreaterThanOrEqual(25);
    expect(await db.platformDb.meteringRecord.count({ where: { tenantId: { in: tenants.map((t) => t.tenant.id) }, state: "sent" } })).toBe(
      36,
    );
    await recover();
    await expectChannelEqualsLedger(tenants);
  }, 60_000);
});
