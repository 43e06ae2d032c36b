import { randomUUID } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent, createTenant, type TestTenant } from "../../test/factories";
import { type Harness, startHarness } from "../../test/gateway-harness";
import { serveEmulator } from "../../test/serve-emulator";
import { offlineAfterSeconds } from "../agents";
import { createHeartbeatLog } from "../agents/heartbeat-log";
import { type PlanId, plans } from "../billing";
import { createOutageLog } from "../log";
import { createAwsMarketplaceApi, createMarketApi } from "../marketplace";
import { createMarketEmulator } from "../sandbox/emulators/aliyun-market";
import { createAwsMarketplaceEmulator } from "../sandbox/emulators/aws-marketplace";
import { createTraceWriter } from "../trace";
import { readHealth } from "./health";
import { readOverview } from "./overview";
import {
  reconcileTenantWithMarketplace,
  recordRefusedAttempt,
  retryMeteringRecord,
  reverifyTenantRole,
  setTenantSuspended,
  staffReason,
} from "./staff-actions";
import { tenantCsv } from "./tenant-csv";
import { findTenantId, tenantDetail } from "./tenant-detail";
import { listTenantPage, type TenantListQuery, tenantListQuery } from "./tenant-list";
import { type TimelineQuery, tenantTimeline, timelinePageSize, timelineQuery } from "./tenant-timeline";
import { searchTraces, traceQuery } from "./trace-search";

let h: Harness;
const staff = { id: randomUUID(), email: "admin-test@skyport.test", role: "isv_admin" };
const query = (q: Record<string, string>): TenantListQuery => tenantListQuery.parse(q);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function namedTenant(name: string, opts: Parameters<typeof createTenant>[1] = {}): Promise<TestTenant> {
  const t = await createTenant(h.db.platformDb, opts);
  await h.db.platformDb.tenant.update({ where: { id: t.id }, data: { displayName: name } });
  return t;
}

async function trace(tenantId: string | null, fields: { traceId: string; action?: string; code?: string; at?: Date }) {
  await h.db.platformDb.gatewayTrace.create({
    data: {
      traceId: fields.traceId,
      at: fields.at ?? new Date(),
      action: fields.action ?? "UpdateTenantProfile",
      code: fields.code ?? "OK",
      httpStatus: fields.code && fields.code !== "OK" ? 403 : 200,
      latencyMs: 1.5,
      tenantId,
      clientAddress: "203.0.113.45",
    },
  });
}

describe("the admin tenant list", () => {
  it("finds a tenant by name prefix (any case), account id, tenant id and instance id", async () => {
    const prefix = `Acme-${randomUUID().slice(0, 8)}`;
    const t = await namedTenant(`${prefix} Trading`);
    await h.db.platformDb.subscription.updateMany({ where: { tenantId: t.id }, data: { instanceId: `i-${t.parentUid}` } });
    for (const q of [prefix.toLowerCase(), t.parentUid, t.id, `i-${t.parentUid}`]) {
      const page = await listTenantPage(h.db.opsDb, query({ q }), 30);
      expect(
        page.rows.map((r) => r.id),
        q,
      ).toEqual([t.id]);
    }
  });

  it("treats SQL- and wildcard-looking search as text: no match, never an error", async () => {
    for (const q of ["' OR 1=1 --", "%", "_", "\\", "<script>alert(1)</script>", "'); DROP TABLE tenants; --"])
      expect((await listTenantPage(h.db.opsDb, query({ q }), 30)).rows, q).toEqual([]);
  });

  it("pages by keyset: every tenant of a filter exactly once, in order, whatever the sort", async () => {
    // names as long as a profile allows, in Chinese: the name sort's cursor carries one
    const name = `Paged-${randomUUID().slice(0, 8)}`;
    const made = await Promise.all(
      Array.from({ length: 7 }, (_, i) => namedTenant(`${name}-${i}-${"迁移".repeat(55)}`, { channel: "aws" })),
    );
    for (const sort of ["newest", "oldest", "name"]) {
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await listTenantPage(h.db.opsDb, query({ q: name, channel: "aws", sort, size: "3", ...(after && { after }) }), 30);
        seen.push(...page.rows.map((r) => r.id));
        after = page.next ?? undefined;
      } while (after);
      expect(seen.sort(), sort).toEqual(made.map((t) => t.id).sort());
    }
  });

  it("filters by status, suspension, plan, cloud role and expiry", async () => {
    const name = `Filter-${randomUUID().slice(0, 8)}`;
    const soon = await namedTenant(`${name}-soon`, { expiresAt: new Date(Date.now() + 3 * 86_400_000) });
    const frozen = await namedTenant(`${name}-frozen`, { status: "frozen", expiresAt: new Date(Date.now() + 60 * 86_400_000) });
    const later = await namedTenant(`${name}-later`, { expiresAt: new Date(Date.now() + 20 * 86_400_000) });
    const ids = async (q: Record<string, string>) =>
      (await listTenantPage(h.db.opsDb, query({ q: name, ...q }), 30)).rows.map((r) => r.id).sort();
    expect(await ids({ expiring: "7" })).toEqual([soon.id]);
    expect(await ids({ expiring: "30" })).toEqual([soon.id, later.id].sort());
    expect(await ids({ status: "frozen" })).toEqual([frozen.id]);
    expect(await ids({ plan: "enterprise" })).toEqual([]);
    expect((await ids({ plan: "standard" })).length).toBe(3);
    expect((await ids({ cloud: "none" })).length).toBe(3);
    await setTenantSuspended(h.db.platformDb, staff, later.id, true, "unpaid invoice");
    expect(await ids({ status: "suspended" })).toEqual([later.id]);
    expect(await ids({ status: "active" })).toEqual([soon.id]);
  });

  it("filters by agents online, offline or none (revoked ones are none), and counts each row's hosts online", async () => {
    const name = `Agents-${randomUUID().slice(0, 8)}`;
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const online = await namedTenant(`${name}-online`);
    const offline = await namedTenant(`${name}-offline`);
    const none = await namedTenant(`${name}-none`);
    const revokedOnly = await namedTenant(`${name}-revoked`);
    // enrolled, never heard from: offline, not none
    const never = await namedTenant(`${name}-never`);
    await createAgent(h.db.platformDb, never.id, { lastSeenAt: null });
    await createAgent(h.db.platformDb, online.id, { lastSeenAt: ago(0.5) });
    await createAgent(h.db.platformDb, online.id, { lastSeenAt: ago(5) });
    await createAgent(h.db.platformDb, offline.id, { lastSeenAt: ago(5) });
    await createAgent(h.db.platformDb, offline.id, { lastSeenAt: null });
    await createAgent(h.db.platformDb, offline.id, { lastSeenAt: ago(0), revokedAt: ago(0) });
    await createAgent(h.db.platformDb, revokedOnly.id, { lastSeenAt: ago(0), revokedAt: ago(0) });
    const page = async (q: Record<string, string>, heartbeatSeconds = 30) =>
      (await listTenantPage(h.db.opsDb, query({ q: name, sort: "name", ...q }), heartbeatSeconds)).rows;
    const ids = async (agents: string, heartbeatSeconds?: number) => (await page({ agents }, heartbeatSeconds)).map((r) => r.id);
    expect(await ids("online")).toEqual([online.id]);
    expect(await ids("offline")).toEqual([never.id, offline.id]);
    expect(await ids("none")).toEqual([none.id, revokedOnly.id]);
    expect((await page({})).map((r) => [r.hostsOnline, r.hosts])).toEqual([
      [0, 1],
      [0, 0],
      [0, 2],
      [1, 2],
      [0, 0],
    ]);
    // online is three heartbeat intervals: at 10 minutes a host seen 5 minutes ago is online
    expect(await ids("online", 200)).toEqual([offline.id, online.id]);
    const csv = await new Response(tenantCsv(h.db.opsDb, query({ q: name, agents: "online" }), 30)).text();
    expect(csv.split("\r\n")[0]).toContain("hosts,hostsOnline,hostHours");
    expect(csv).toContain(`"${online.id}"`);
    expect(csv).not.toContain(`"${offline.id}"`);
  });

  it("refuses page sizes over the maximum, unknown filter values and forged cursors, naming the field", () => {
    for (const [q, field] of [
      [{ size: "101" }, "size"],
      [{ size: "-1" }, "size"],
      [{ channel: "gcp" }, "channel"],
      [{ agents: "sometimes" }, "agents"],
      [{ agents: "online' OR 1=1 --" }, "agents"],
      [{ sort: "id; DROP" }, "sort"],
      [{ after: "not-a-cursor" }, "after"],
      [{ after: Buffer.from('["name","x","not-a-uuid"]').toString("base64url") }, "after"],
      // a cursor of the name sort given with another sort, as an edited address would
      [{ sort: "newest", after: Buffer.from(`["name","Acme","${randomUUID()}"]`).toString("base64url") }, "after"],
      [{ sort: "oldest", after: Buffer.from(`["oldest","Acme","${randomUUID()}"]`).toString("base64url") }, "after"],
      [{ q: "x".repeat(101) }, "q"],
      // Postgres refuses a NUL in text: the schema names the field instead of a 500
      [{ q: "a\u0000" }, "q"],
    ] as const) {
      const r = tenantListQuery.safeParse(q);
      expect(r.success, JSON.stringify(q)).toBe(false);
      expect(r.error?.issues[0]?.path[0]).toBe(field);
    }
  });

  it("exports the filtered list as CSV, a formula in a name defused", async () => {
    const name = `Csv-${randomUUID().slice(0, 8)}`;
    await namedTenant(`${name}-a`);
    const b = await namedTenant(`${name}-"quoted", =cmd`);
    await h.db.platformDb.tenant.update({ where: { id: b.id }, data: { displayName: `=HYPERLINK("x") ${name}` } });
    const csv = await new Response(tenantCsv(h.db.opsDb, query({ q: name }), 30)).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,displayName,channel/);
    expect(lines).toHaveLength(2); // the renamed one no longer starts with the prefix
    const all = await new Response(tenantCsv(h.db.opsDb, query({ q: b.id }), 30)).text();
    expect(all).toContain(`"'=HYPERLINK(""x"") ${name}"`);
  });
});

describe("opening a tenant in /ops", () => {
  it("finds it by tenant id, account id or instance id; an unknown or ambiguous one is none", async () => {
    const t = await createTenant(h.db.platformDb);
    await h.db.platformDb.subscription.updateMany({ where: { tenantId: t.id }, data: { instanceId: `inst-${t.parentUid}` } });
    for (const ref of [t.id, t.parentUid, `inst-${t.parentUid}`]) expect(await findTenantId(h.db.opsDb, ref), ref).toBe(t.id);
    expect(await findTenantId(h.db.opsDb, "no-such-account")).toBeUndefined();
    expect(await findTenantId(h.db.opsDb, "' OR 1=1 --")).toBeUndefined();
    const twin = await h.db.platformDb.tenant.create({
      data: { channel: "direct", externalId: t.parentUid, displayName: "Same account id elsewhere" },
    });
    expect(await findTenantId(h.db.opsDb, t.parentUid)).toBeUndefined();
    expect(await findTenantId(h.db.opsDb, twin.id)).toBe(twin.id);
  });
});

describe("trace search", () => {
  it("finds every call of a traceId, and by tenant, action, code and range; client addresses masked", async () => {
    const t = await createTenant(h.db.platformDb);
    const traceId = `bo-${randomUUID()}`;
    await trace(t.id, { traceId, code: "Forbidden" });
    await trace(t.id, { traceId: `bo-${randomUUID()}`, action: "DescribeTenant", at: new Date(Date.now() - 2 * 86_400_000) });
    const [found] = await searchTraces(h.db.opsDb, traceQuery.parse({ traceId }));
    expect(found).toMatchObject({ traceId, tenantId: t.id, code: "Forbidden", clientAddress: "203.0.*.*" });
    expect(await searchTraces(h.db.opsDb, traceQuery.parse({ tenant: t.id }))).toHaveLength(1); // the last 24 h
    expect(
      await searchTraces(h.db.opsDb, traceQuery.parse({ tenant: t.id, from: new Date(Date.now() - 3 * 86_400_000).toISOString() })),
    ).toHaveLength(2);
    expect(await searchTraces(h.db.opsDb, traceQuery.parse({ tenant: t.id, errors: "1" }))).toHaveLength(1);
    // a range over 7 days is cut to the 7 days before its end
    expect(await searchTraces(h.db.opsDb, traceQuery.parse({ tenant: t.id, action: "DescribeTenant", from: "2000-01-01" }))).toHaveLength(
      1,
    );
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString();
    expect(await searchTraces(h.db.opsDb, traceQuery.parse({ tenant: t.id, from: "2000-01-01", to: threeDaysAgo }))).toHaveLength(0);
  });

  it("shows a call's params with secrets redacted and personal data masked", async () => {
    const t = await createTenant(h.db.platformDb);
    const traceId = `params-${randomUUID()}`;
    await h.call("UpdateTenantProfile", { displayName: "Acme", contactEmail: "alice@example.com" }, { tenant: t, traceId });
    await h.call("CompleteCloudAuthorization", { token: "one-time-secret-token" }, { tenant: t, traceId: `${traceId}-b` });
    const writer = createTraceWriter(h.db.platformDb, { flushMs: 60_000, outage: createOutageLog(pino({ level: "silent" })) });
    for (const r of h.traces.filter((x) => x.traceId.startsWith(traceId))) writer.record(r);
    await writer.close();
    const [profile] = await searchTraces(h.db.opsDb, traceQuery.parse({ traceId }));
    expect(profile?.params).toEqual({ displayName: "Acme", contactEmail: "a***@e******.com" });
    const [authorization] = await searchTraces(h.db.opsDb, traceQuery.parse({ traceId: `${traceId}-b` }));
    expect(authorization?.params).toEqual({ token: "[redacted]" });
    // a large one is not held in the trace buffer: a note of its size instead
    const large = `${traceId}-c`;
    await h.call("UpdateTenantProfile", { displayName: "x".repeat(5000) }, { tenant: t, traceId: large });
    expect(h.traces.find((x) => x.traceId === large)?.params).toEqual({ omitted: expect.stringMatching(/^\d+ characters$/) });
    const stored = await h.db.platformDb.gatewayTrace.findMany({ where: { traceId: `${traceId}-b` }, select: { params: true } });
    expect(JSON.stringify(stored)).not.toContain("one-time-secret-token");
  });

  it("refuses malformed input by field", () => {
    // a time with no zone too (the server's own zone would decide what it means), and year 0, no year to Postgres
    for (const q of [
      { traceId: "x' OR '1" },
      { tenant: "1 OR 1=1" },
      { action: "<script>" },
      { from: "yesterday-ish" },
      { to: "2026-05-01T10:00" },
      { from: "0000-01-01" },
    ])
      expect(traceQuery.safeParse(q).success, JSON.stringify(q)).toBe(false);
    for (const q of [{ before: "0000-01-01" }, { before: "2026-05-01T10:00" }, { after: "nokind:x" }])
      expect(timelineQuery.safeParse(q).success, JSON.stringify(q)).toBe(false);
    expect(staffReason.safeParse("a reason\u0000 with a NUL").success).toBe(false);
  });
});

describe("a tenant's timeline", () => {
  it("merges orders, callbacks, gateway errors, the tenant's audit, agents and staff actions, newest first, filterable", async () => {
    const t = await createTenant(h.db.platformDb);
    const instanceId = `i-${t.parentUid}`;
    await h.db.platformDb.subscription.updateMany({ where: { tenantId: t.id }, data: { instanceId } });
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await h.db.platformDb.marketplaceOrder.create({ data: { tenantId: t.id, instanceId, action: "createInstance", at: at(50) } });
    await h.db.platformDb.marketplaceInbox.create({
      data: {
        channel: "aliyun",
        idempotencyKey: randomUUID(),
        action: "createInstance",
        instanceId,
        params: { token: "secret-token" },
        receivedAt: at(51),
      },
    });
    await trace(t.id, { traceId: `tl-${randomUUID()}`, code: "Forbidden", at: at(40) });
    await h.db.platformDb.auditEvent.create({
      data: { tenantId: t.id, actorUid: t.parentUid, action: "cloud.role.bound", target: "aws", at: at(30) },
    });
    await setTenantSuspended(h.db.platformDb, staff, t.id, true, "chargeback");
    const { entries: all } = await tenantTimeline(h.db.opsDb, t.id, {}, 30);
    expect(all.map((e) => e.kind)).toEqual(["staff", "audit", "error", "order", "callback"]);
    expect(JSON.stringify(all)).not.toContain("secret-token");
    const { entries: errors } = await tenantTimeline(h.db.opsDb, t.id, { kinds: ["error"] }, 30);
    expect(errors.map((e) => e.kind)).toEqual(["error"]);
    expect(errors[0]?.traceId).toMatch(/^tl-/);
    expect((await tenantTimeline(h.db.opsDb, t.id, { before: at(45) }, 30)).entries).toHaveLength(2);
  });
  it("pages through entries of one millisecond, more than a page of them and of two kinds, without skipping or repeating one", async () => {
    const t = await createTenant(h.db.platformDb);
    const now = Math.floor(Date.now() / 1000) * 1000;
    const tiedAt = new Date(now - 60_000);
    const audit = (at: Date, target: string) => ({ tenantId: t.id, actorUid: t.parentUid, action: "cloud.role.bound", target, at });
    // a newer entry; a page and a half of staff actions and a page of the tenant's audit, all in one
    // millisecond (as a metering push logs its rows); an older entry. Pages end among each kind in turn.
    await h.db.platformDb.auditEvent.createMany({
      data: [
        audit(new Date(now - 1_000), "newer"),
        ...Array.from({ length: timelinePageSize }, (_, n) => audit(tiedAt, `audit-${n}`)),
        audit(new Date(now - 120_000), "older"),
      ],
    });
    await h.db.platformDb.platformAuditEvent.createMany({
      data: Array.from({ length: timelinePageSize * 1.5 }, (_, n) => ({
        at: tiedAt,
        actor: `staff-${n}@example.com`,
        action: "tenant.suspended",
        target: `tenant:${t.id}`,
      })),
    });
    const seen: string[] = [];
    let q: TimelineQuery = {};
    for (let pages = 0; pages < 5; pages++) {
      const { entries, next } = await tenantTimeline(h.db.opsDb, t.id, q, 30);
      seen.push(...entries.map((e) => `${e.kind}:${e.detail}`));
      if (!next) break;
      // as the link carries it: the time as an ISO string, the entry as "kind:id"
      q = timelineQuery.parse({ before: next.before.toISOString(), after: next.after });
    }
    expect(seen).toHaveLength(timelinePageSize * 2.5 + 2);
    expect(new Set(seen).size).toBe(seen.length);
    // newest first; in the one millisecond, staff actions before the tenant's audit
    expect(seen[0]).toBe("audit:newer");
    expect(seen.slice(1, 1 + timelinePageSize * 1.5).every((e) => e.startsWith("staff:"))).toBe(true);
    expect(seen.at(-1)).toBe("audit:older");
    // exactly a page: no link to an empty one
    const whole = await createTenant(h.db.platformDb);
    await h.db.platformDb.auditEvent.createMany({
      data: Array.from({ length: timelinePageSize }, (_, n) => ({ ...audit(new Date(now - n * 1000), `whole-${n}`), tenantId: whole.id })),
    });
    const only = await tenantTimeline(h.db.opsDb, whole.id, { kinds: ["audit"] }, 30);
    expect([only.entries.length, only.next]).toEqual([timelinePageSize, undefined]);
  });
});

describe("a tenant's timeline of its agents", () => {
  it("shows each heartbeat gap the heartbeat log wrote, and an agent offline now since its last heartbeat", async () => {
    const t = await createTenant(h.db.platformDb);
    const at = (minutesAgo: number) => new Date(Math.floor(Date.now() / 1000) * 1000 - minutesAgo * 60_000);
    const flaky = await createAgent(h.db.platformDb, t.id, { hostname: "web-01", lastSeenAt: at(60) });
    const steady = await createAgent(h.db.platformDb, t.id, { hostname: "web-02", lastSeenAt: at(0.5) });
    await createAgent(h.db.platformDb, t.id, { hostname: "gone-01", lastSeenAt: at(50), revokedAt: at(49) });
    const log = createHeartbeatLog({
      platformDb: h.db.platformDb,
      flushMs: 3_600_000,
      offlineAfterMs: offlineAfterSeconds(30) * 1000,
      log: pino({ level: "silent" }),
      reportOutage: () => false,
    });
    // web-01: silent for 40 minutes, back for a minute, silent since; web-02 heartbeating
    for (const minutesAgo of [20, 19.5, 19]) log.record(flaky.id, t.id, at(minutesAgo).getTime(), "1.0.0");
    log.record(steady.id, t.id, at(0).getTime(), "1.0.0");
    await log.close();
    const agents = (await tenantTimeline(h.db.opsDb, t.id, { kinds: ["agent"] }, 30)).entries.filter((e) => e.what !== "agent.enrolled");
    expect(agents.map(({ what, at, until, detail }) => ({ what, at, until, detail }))).toEqual([
      { what: "agent.offline", at: at(19), until: null, detail: "web-01" },
      { what: "agent.silent", at: at(60), until: at(20), detail: "web-01" },
    ]);
    // the page before a time starts below it; a longer interval would call web-01 online
    expect((await tenantTimeline(h.db.opsDb, t.id, { kinds: ["agent"], before: at(30) }, 30)).entries.map((e) => e.what)).toEqual([
      "agent.silent",
    ]);
    expect((await tenantTimeline(h.db.opsDb, t.id, { kinds: ["agent"] }, 600)).entries.map((e) => e.what)).not.toContain("agent.offline");
  });
});

describe("suspension", () => {
  it("refuses a suspended tenant's mutations (reads still work), audits who and why, and lifts on resume", async () => {
    const t = await createTenant(h.db.platformDb);
    expect(await setTenantSuspended(h.db.platformDb, staff, t.id, true, "abuse report #42")).toEqual({ ok: true });
    expect(await setTenantSuspended(h.db.platformDb, staff, t.id, true, "again")).toEqual({ ok: false, code: "AlreadyInState" });
    const write = await h.call("UpdateTenantProfile", { displayName: "while suspended" }, { tenant: t });
    expect([write.status, write.body.code]).toEqual([403, "Forbidden"]);
    expect((await h.call("DescribeTenant", {}, { tenant: t })).body.code).toBe("OK");
    const audit = await h.db.platformDb.platformAuditEvent.findMany({ where: { target: `tenant:${t.id}` } });
    expect(audit).toMatchObject([{ actor: `staff:${staff.email}`, action: "tenant.suspended", payload: { reason: "abuse report #42" } }]);
    expect(await setTenantSuspended(h.db.platformDb, staff, t.id, false, "resolved")).toEqual({ ok: true });
    expect((await h.call("UpdateTenantProfile", { displayName: "resumed" }, { tenant: t })).body.code).toBe("OK");
    expect(await setTenantSuspended(h.db.platformDb, staff, randomUUID(), true, "nobody")).toEqual({ ok: false, code: "NotFound" });
  });

  it("re-verification of a tenant without a bound role changes nothing and says so", async () => {
    const t = await createTenant(h.db.platformDb);
    expect(await reverifyTenantRole(h.db.platformDb, {}, staff, t.id, "buyer asked")).toEqual({ ok: false, code: "NoRole" });
  });

  it("reconciles one Alibaba tenant with the marketplace now: an expiry it missed is applied, and audited with the reason", async () => {
    const market = createMarketEmulator(new Map([["ak-admin", "admin-market-secret-0123"]]));
    const server = await serveEmulator((req) => market.handle(req.method, req.query, req.body));
    try {
      const t = await createTenant(h.db.platformDb);
      const instanceId = `${Date.now()}`;
      await h.db.platformDb.subscription.updateMany({ where: { tenantId: t.id }, data: { instanceId } });
      market.instances.set(instanceId, {
        status: "EXPIRED",
        isTrial: false,
        beganOn: Date.now() - 86_400_000,
        endOn: Date.now() - 1000,
        sku: "skyport-standard",
      });
      const deps = {
        market: createMarketApi({ endpoint: server.endpoint, accessKeyId: "ak-admin", accessKeySecret: "admin-market-secret-0123" }),
        platformDb: h.db.platformDb,
        secret: "unused-here-0000000000",
        publicUrl: "https://skyport.example",
        roleName: "AliyunSkyportRole",
        now: () => new Date(),
      };
      const both = { aliyun: deps, aws: undefined };
      expect(await reconcileTenantWithMarketplace(both, h.db.platformDb, staff, t.id, "buyer says it expired")).toEqual({ ok: true });
      expect(await h.db.platformDb.subscription.findFirst({ where: { tenantId: t.id } })).toMatchObject({ status: "expired" });
      const audit = await h.db.platformDb.platformAuditEvent.findMany({
        where: { target: `tenant:${t.id}`, action: "marketplace.reconciled" },
      });
      expect(audit).toMatchObject([
        { actor: `staff:${staff.email}`, payload: { reason: "buyer says it expired", corrected: [`${instanceId}:expiredInstance`] } },
      ]);
      const aws = await createTenant(h.db.platformDb, { channel: "aws" });
      expect(await reconcileTenantWithMarketplace(both, h.db.platformDb, staff, aws.id, "aws is not set up")).toEqual({
        ok: false,
        code: "MarketplaceNotConfigured",
      });
      const direct = await createTenant(h.db.platformDb, { channel: "direct" });
      expect(await reconcileTenantWithMarketplace(both, h.db.platformDb, staff, direct.id, "stripe is the truth")).toEqual({
        ok: false,
        code: "NotMarketplace",
      });
      expect(await reconcileTenantWithMarketplace(both, h.db.platformDb, staff, randomUUID(), "nobody")).toEqual({
        ok: false,
        code: "NotFound",
      });
    } finally {
      await server.close();
    }
  });

  it("reconciles one AWS tenant with its entitlements now: a missed entitlement-updated is applied once, and audited", async () => {
    const keys = new Map([["AKIDADMIN", "aws-admin-secret-0123456789"]]);
    const emulator = createAwsMarketplaceEmulator(keys, "us-east-1");
    const server = await serveEmulator(async (req) => (await emulator.handle(req)) as never, "application/x-amz-json-1.1");
    try {
      const t = await createTenant(h.db.platformDb, { channel: "aws" });
      const productCode = "skyport-admin-test";
      const expires = new Date(Date.now() + 200 * 86_400_000);
      const customer = {
        CustomerAWSAccountId: t.parentUid,
        ProductCode: productCode,
        CustomerIdentifier: `c-${t.parentUid}`,
        LicenseArn: `arn:aws:license-manager::${t.parentUid}:license/l-admin`,
      };
      // as registration leaves it: the license is the subscription's instance
      await h.db.platformDb.subscription.updateMany({ where: { tenantId: t.id }, data: { instanceId: customer.LicenseArn } });
      emulator.sell(customer, [
        { Dimension: plans.enterprise.skus.aws, Value: { IntegerValue: 1 }, ExpirationDate: expires.getTime() / 1000 },
      ]);
      const aws = {
        api: createAwsMarketplaceApi({
          endpoint: server.endpoint,
          region: "us-east-1",
          accessKeyId: "AKIDADMIN",
          secretAccessKey: "aws-admin-secret-0123456789",
        }),
        productCode,
        platformDb: h.db.platformDb,
        now: () => new Date(),
      };
      const deps = { aliyun: undefined, aws };
      expect(await reconcileTenantWithMarketplace(deps, h.db.platformDb, staff, t.id, "buyer upgraded on AWS")).toEqual({ ok: true });
      expect(await h.db.platformDb.subscription.findFirst({ where: { tenantId: t.id } })).toMatchObject({
        plan: "enterprise",
        sku: plans.enterprise.skus.aws,
        expiresAt: expires,
      });
      // nothing differs the second time: nothing applied, nothing recorded as an order
      expect(await reconcileTenantWithMarketplace(deps, h.db.platformDb, staff, t.id, "checking again")).toEqual({ ok: true });
      expect(await h.db.platformDb.marketplaceOrder.count({ where: { tenantId: t.id, action: "entitlement-updated" } })).toBe(1);
      const audit = await h.db.platformDb.platformAuditEvent.findMany({
        where: { target: `tenant:${t.id}`, action: "marketplace.reconciled" },
        orderBy: { at: "asc" },
      });
      expect(audit.map((a) => a.payload)).toMatchObject([
        { reason: "buyer upgraded on AWS", corrected: [`${t.parentUid}:entitlement-updated`] },
        { reason: "checking again", corrected: [] },
      ]);
      // AWS unreachable: a failure the admin is told of, nothing changed
      await server.close();
      expect(await reconcileTenantWithMarketplace(deps, h.db.platformDb, staff, t.id, "aws is down")).toEqual({
        ok: false,
        code: "MarketplaceFailed",
      });
    } finally {
      await server.close().catch(() => {});
    }
  });

  it("a refused attempt is kept with who tried what", async () => {
    const support = { id: randomUUID(), email: `support-${randomUUID().slice(0, 6)}@skyport.test`, role: "support" };
    await recordRefusedAttempt(h.db.platformDb, support, "SuspendTenant");
    expect(
      await h.db.platformDb.platformAuditEvent.count({
        where: { actor: `staff:${support.email}`, action: "staff.action.refused", target: "action:SuspendTenant" },
      }),
    ).toBe(1);
  });
});

describe("metering, per hour and channel", () => {
  it("shows each record; a dead one goes back to pending once, logged and audited; the timeline shows the transitions", async () => {
    const t = await createTenant(h.db.platformDb);
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 3_600_000);
    const record = await h.db.platformDb.meteringRecord.create({
      data: {
        tenantId: t.id,
        channel: "aliyun",
        metric: "managed_host_hours",
        hour,
        dimension: "hosts",
        quantity: 3,
        state: "dead",
        reason: "past the channel's window",
      },
    });
    await h.db.platformDb.meteringLog.create({ data: { tenantId: t.id, recordId: record.id, state: "dead" } });
    expect((await tenantDetail(h.db.opsDb, t.id)).metering).toMatchObject([{ id: record.id, state: "dead", quantity: 3 }]);
    expect(await retryMeteringRecord(h.db.platformDb, staff, t.id, record.id, "window extended by the channel")).toEqual({ ok: true });
    expect(await retryMeteringRecord(h.db.platformDb, staff, t.id, record.id, "twice")).toEqual({ ok: false, code: "AlreadyInState" });
    expect(await retryMeteringRecord(h.db.platformDb, staff, randomUUID(), record.id, "other tenant")).toEqual({
      ok: false,
      code: "NotFound",
    });
    expect(
      (await h.db.platformDb.meteringRecord.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.id, id: record.id } } })).state,
    ).toBe("pending");
    const { entries: timeline } = await tenantTimeline(h.db.opsDb, t.id, { kinds: ["metering", "staff"] }, 30);
    expect(timeline.map((e) => [e.kind, e.what])).toEqual([
      ["staff", "metering.record.retried"],
      ["metering", "metering.pending"],
      ["metering", "metering.dead"],
    ]);
  });
});

describe("health and overview", () => {
  it("counts revenue per day: Stripe's paid invoices for direct, list prices and metering estimated for marketplaces; and trials converting", async () => {
    // a month of days far from the other tests' data; what they add is taken away by reading before and after
    const now = new Date("2031-03-15T12:00:00Z");
    const day = (d: number, hour = 0) => new Date(Date.UTC(2031, 2, d, hour));
    const before = await readOverview(h.db.opsDb, "day", 30, now);
    // and read again after the refunded subscription's term would have ended
    const later = new Date("2031-04-10T12:00:00Z");
    const beforeLater = await readOverview(h.db.opsDb, "day", 30, later);
    const db = h.db.platformDb;
    const fresh = async (channel: "aliyun" | "aws" | "direct") => {
      const t = await createTenant(db, { channel });
      await db.subscription.deleteMany({ where: { tenantId: t.id } });
      return t.id;
    };
    const aws = await fresh("aws");
    await db.subscription.createMany({
      data: [
        // one that began long before the month and ended at noon on the 4th; the next ongoing from the 10th
        {
          tenantId: aws,
          plan: "standard",
          sku: "skyport-standard",
          startsAt: new Date("2030-01-01T00:00:00Z"),
          expiresAt: day(4, 12),
          status: "cancelled",
          instanceId: "old",
        },
        { tenantId: aws, plan: "standard", sku: "skyport-standard", startsAt: day(10), expiresAt: null, instanceId: "new" },
      ],
    });
    await db.meteringRecord.createMany({
      data: [
        {
          tenantId: aws,
          channel: "aws",
          metric: "managed_host_hours",
          hour: day(11, 5),
          dimension: "hosts",
          quantity: 10,
          state: "accepted",
          acceptedQuantity: 10,
        },
        { tenantId: aws, channel: "aws", metric: "managed_host_hours", hour: day(11, 6), dimension: "hosts", quantity: 500, state: "dead" },
      ],
    });
    const converted = await fresh("aliyun");
    await db.subscription.createMany({
      data: [
        {
          tenantId: converted,
          plan: "basic",
          sku: "skyport-basic",
          trial: true,
          status: "expired",
          startsAt: day(1),
          expiresAt: day(8),
          instanceId: "trial",
        },
        { tenantId: converted, plan: "basic", sku: "skyport-basic", startsAt: day(8), expiresAt: day(9), instanceId: "paid" },
      ],
    });
    // released before its term ended (refunded): no revenue, neither before its term's end nor after
    const refunded = await fresh("aliyun");
    await db.subscription.create({
      data: {
        tenantId: refunded,
        plan: "enterprise",
        sku: "skyport-enterprise",
        status: "cancelled",
        startsAt: day(6),
        expiresAt: day(28),
        instanceId: "released",
      },
    });
    await db.marketplaceOrder.create({ data: { tenantId: refunded, instanceId: "released", action: "releaseInstance", at: day(7) } });
    // an AWS subscription with no term, unsubscribed at noon on the 12th: it ran until then
    const unsubscribed = await fresh("aws");
    await db.subscription.create({
      data: { tenantId: unsubscribed, plan: "basic", sku: "skyport-basic", status: "cancelled", startsAt: day(11), instanceId: "gone" },
    });
    await db.marketplaceOrder.create({
      data: { tenantId: unsubscribed, instanceId: "gone", action: "unsubscribe-success", at: day(12, 12) },
    });
    // one that unsubscribed on the morning of the 13th and subscribed again (the same row, active): it runs on
    const again = await fresh("aws");
    await db.subscription.create({
      data: { tenantId: again, plan: "basic", sku: "skyport-basic", status: "active", startsAt: day(13), instanceId: "again" },
    });
    await db.marketplaceOrder.create({ data: { tenantId: again, instanceId: "again", action: "unsubscribe-success", at: day(13, 6) } });
    const lapsed = await fresh("aliyun");
    await db.subscription.create({
      data: { tenantId: lapsed, plan: "basic", sku: "skyport-basic", trial: true, startsAt: day(2), expiresAt: day(9) },
    });
    const direct = await fresh("direct");
    await db.subscription.create({
      data: { tenantId: direct, plan: "standard", sku: "skyport_standard_monthly", startsAt: day(3), expiresAt: null, instanceId: "sub_1" },
    });
    await db.stripeSubscription.create({
      data: { tenantId: direct, subscriptionId: "sub_1", customerId: "cus_1", status: "active", trialEnd: day(5), syncedAt: now },
    });
    const invoice = { tenantId: direct, subscriptionId: "sub_1", currency: "usd", amountDue: 29_900n, amountPaid: 29_900n, syncedAt: now };
    await db.stripeInvoice.createMany({
      data: [
        { ...invoice, invoiceId: "in_paid", status: "paid", paidAt: day(12, 8) },
        { ...invoice, invoiceId: "in_open", status: "open", amountPaid: 0n, paidAt: null },
        { ...invoice, invoiceId: "in_eur", status: "paid", currency: "eur", paidAt: day(12, 9) },
      ],
    });
    // two more Stripe trials: on the 13th one charged and cancelled since (converted), on the 14th one past due, never charged (not)
    for (const [n, status, paid] of [
      [13, "canceled", true],
      [14, "past_due", false],
    ] as const) {
      const id = await fresh("direct");
      const subscriptionId = `sub_${n}_${id}`;
      await db.subscription.create({
        data: {
          tenantId: id,
          plan: "standard",
          sku: "skyport_standard_monthly",
          startsAt: day(n),
          expiresAt: null,
          instanceId: subscriptionId,
        },
      });
      await db.stripeSubscription.create({
        data: { tenantId: id, subscriptionId, customerId: `cus_${n}`, status, trialEnd: day(27), syncedAt: now },
      });
      if (paid)
        await db.stripeInvoice.create({
          data: { ...invoice, tenantId: id, subscriptionId, invoiceId: `in_${n}_${id}`, status: "paid", currency: "eur", paidAt: day(14) },
        });
    }

    // the tenant's page lists them as Stripe holds them
    expect((await tenantDetail(h.db.opsDb, direct)).invoices.map((i) => [i.invoiceId, i.status, i.amountPaid]).sort()).toEqual([
      ["in_eur", "paid", 29_900],
      ["in_open", "open", 0],
      ["in_paid", "paid", 29_900],
    ]);
    const after = await readOverview(h.db.opsDb, "day", 30, now);
    const delta = (d: number) => {
      const start = day(d).toISOString();
      const [b, a] = [before, after].map((o) => o.points.find((p) => p.start === start));
      if (!a || !b) throw new Error(`no bucket ${start}`);
      const minus = <K extends string>(x: Record<K, number>, y: Record<K, number>) =>
        Object.fromEntries(Object.keys(x).map((k) => [k, x[k as K] - y[k as K]]));
      return { revenue: minus(a.revenueCents, b.revenueCents), trials: minus(a.trials, b.trials) };
    };
    // each bucket's cents are rounded after summing, so what other tests left there can move a difference by one
    const cents = (d: number, expected: { aliyun: number; aws: number; direct: number }) => {
      const got = delta(d).revenue;
      for (const [channel, value] of Object.entries(expected))
        expect(Math.abs((got[channel] ?? Number.NaN) - value), `${channel} on day ${d}`).toBeLessThanOrEqual(1);
    };
    const standardDay = Math.round(29_900 / 30);
    cents(8, { aliyun: Math.round(4_900 / 30), aws: 0, direct: 0 }); // the paid day; the trial earns nothing
    cents(10, { aliyun: 0, aws: standardDay, direct: 0 });
    const basicDay = 4_900 / 30;
    // 10 host-hours at 1 cent, the dead record not; the unsubscribed basic plan its day, then its half day
    cents(11, { aliyun: 0, aws: Math.round(standardDay + 10 + basicDay), direct: 0 });
    cents(12, { aliyun: 0, aws: Math.round(standardDay + basicDay / 2), direct: 29_900 }); // the open and the EUR invoice not
    cents(14, { aliyun: 0, aws: Math.round(standardDay + basicDay), direct: 0 });
    cents(15, { aliyun: 0, aws: Math.round((29_900 + 4_900) / 60), direct: 0 }); // half a day so far
    cents(9, { aliyun: 0, aws: 0, direct: 0 });
    cents(3, { aliyun: 0, aws: standardDay, direct: 0 });
    cents(4, { aliyun: 0, aws: Math.round(29_900 / 60), direct: 0 });
    cents(5, { aliyun: 0, aws: 0, direct: 0 });
    cents(6, { aliyun: 0, aws: 0, direct: 0 });
    expect(delta(1).trials).toEqual({ started: 1, converted: 1 });
    expect(delta(2).trials).toEqual({ started: 1, converted: 0 });
    expect(delta(3).trials).toEqual({ started: 1, converted: 1 });
    // past the released subscription's term (the 28th), it still earned nothing
    const afterLater = await readOverview(h.db.opsDb, "day", 30, later);
    const [b20, a20] = [beforeLater, afterLater].map((o) => o.points.find((p) => p.start === day(20).toISOString()));
    expect(Math.abs((a20?.revenueCents.aliyun ?? Number.NaN) - (b20?.revenueCents.aliyun ?? Number.NaN))).toBeLessThanOrEqual(1);
    expect([delta(13).trials, delta(14).trials]).toEqual([
      { started: 1, converted: 1 },
      { started: 1, converted: 0 },
    ]);
  });

  it("prices a marketplace subscription by the plan of each stretch: an upgrade does not re-price the days before it", async () => {
    // June 2031, away from the other tests' months
    const now = new Date("2031-06-28T12:00:00Z");
    const day = (d: number, hour = 0) => new Date(Date.UTC(2031, 5, d, hour));
    const before = await readOverview(h.db.opsDb, "day", 30, now);
    const db = h.db.platformDb;
    const bought = async (channel: "aliyun" | "aws", s: { plan: PlanId; sku: string; expiresAt: Date | null }) => {
      const t = await createTenant(db, { channel });
      await db.subscription.deleteMany({ where: { tenantId: t.id } });
      await db.subscription.create({ data: { tenantId: t.id, ...s, startsAt: day(1), instanceId: "i-1" } });
      return t.id;
    };
    // Alibaba: bought basic on the 1st, upgraded to enterprise at noon on the 10th (the row now says enterprise)
    const aliyun = await bought("aliyun", { plan: "enterprise", sku: "skyport-enterprise", expiresAt: day(30) });
    // AWS: registered on basic on the 1st, the entitlement changed to standard on the 20th (no term)
    const aws = await bought("aws", { plan: "standard", sku: "skyport-standard", expiresAt: null });
    const legacy = await bought("aws", { plan: "standard", sku: "skyport-standard", expiresAt: null });
    await db.marketplaceOrder.createMany({
      data: [
        { tenantId: aliyun, instanceId: "i-1", action: "createInstance", sku: "skyport-basic", at: new Date(day(1).getTime() + 5) },
        { tenantId: aliyun, instanceId: "i-1", action: "renewInstance", at: day(5) },
        { tenantId: aliyun, instanceId: "i-1", action: "upgradeInstance", sku: "skyport-enterprise", at: day(10, 12) },
        { tenantId: aws, instanceId: "i-1", action: "register", sku: "skyport-basic", at: day(1) },
        { tenantId: aws, instanceId: "i-1", action: "entitlement-updated", sku: "skyport-standard", at: day(20) },
        // before 2026-12-01 an entitlement change kept no SKU: still the end of the plan before it
        { tenantId: legacy, instanceId: "i-1", action: "register", sku: "skyport-basic", at: day(1) },
        { tenantId: legacy, instanceId: "i-1", action: "entitlement-updated", at: day(20) },
      ],
    });
    const after = await readOverview(h.db.opsDb, "day", 30, now);
    const perDay = (plan: PlanId) => plans[plan].monthlyPriceCents / 30;
    const expected: [number, { aliyun: number; aws: number }][] = [
      [5, { aliyun: perDay("basic"), aws: 2 * perDay("basic") }],
      [10, { aliyun: (perDay("basic") + perDay("enterprise")) / 2, aws: 2 * perDay("basic") }],
      [15, { aliyun: perDay("enterprise"), aws: 2 * perDay("basic") }],
      [25, { aliyun: perDay("enterprise"), aws: 2 * perDay("standard") }],
    ];
    for (const [d, cents] of expected) {
      const [b, a] = [before, after].map((o) => o.points.find((p) => p.start === day(d).toISOString())?.revenueCents);
      for (const channel of ["aliyun", "aws"] as const)
        expect(
          Math.abs((a?.[channel] ?? Number.NaN) - (b?.[channel] ?? Number.NaN) - cents[channel]),
          `${channel} on day ${d}`,
        ).toBeLessThanOrEqual(1);
    }
  });

  it("read through ops_ro without error, with or without the job queue's schema", async () => {
    const health = await readHealth(h.db.opsDb, 30);
    expect(Array.isArray(health.queues)).toBe(true);
    for (const period of ["day", "week", "month"] as const) {
      const o = await readOverview(h.db.opsDb, period, 30);
      expect(o.points.length).toBeGreaterThan(10);
      expect(o.points.at(-1)?.tenants.aliyun).toBeGreaterThan(0);
    }
  });
});
