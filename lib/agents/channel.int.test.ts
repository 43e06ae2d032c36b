import { randomBytes, randomUUID } from "node:crypto";
import { get } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AgentHarness, type EnrolledAgent, startAgentHarness } from "../../test/agent-harness";
import { createTenant, type TestTenant } from "../../test/factories";
import { seal } from "./seal";
import { sealDownloadLink, sealEnrolmentToken } from "./tokens";

let a: AgentHarness;
let tenant: TestTenant;
let other: TestTenant;
beforeAll(async () => {
  a = await startAgentHarness();
  tenant = await createTenant(a.db.platformDb);
  other = await createTenant(a.db.platformDb);
});
afterAll(() => a.close());

async function enrolled(t = tenant, host = {}): Promise<EnrolledAgent & { downloadId: string }> {
  const d = await a.download(t);
  const r = await a.enrol(d.token, host);
  expect(r.status).toBe(201);
  return { ...r.body, downloadId: d.downloadId };
}
/** A GET with the path exactly as given, dots and escapes included. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(a.baseUrl);
  return new Promise((resolve, reject) => {
    get({ host: "127.0.0.1", port, path }, (res) => {
      let body = "";
      res.on("data", (c) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    }).on("error", reject);
  });
}

const heartbeat = (agent: EnrolledAgent, body: object = { agentVersion: "1.0.0" }, opts = {}) =>
  a.signed(agent, "POST", "/api/agent/v1/heartbeat", body, opts);

describe("downloads", () => {
  it("a link serves the package with this download's enrolment token, and ListAgentDownloads counts its enrolments", async () => {
    const d = await a.download(tenant);
    expect(d.token).toMatch(/^[\w-]+\.[\w-]+$/);
    const r = await a.enrol(d.token);
    expect(r).toMatchObject({ status: 201, body: { agentId: expect.any(String), agentSecret: expect.any(String), heartbeatSeconds: 30 } });
    const list = await a.h.call("ListAgentDownloads", {}, { tenant });
    expect(list.body.data.downloads.find((x: { downloadId: string }) => x.downloadId === d.downloadId)).toMatchObject({
      os: "linux-x64",
      enrolments: 1,
      revoked: false,
    });
    expect(JSON.stringify(list.body)).not.toContain(d.token);
  });

  it("windows-x64 is a zip with the agent script, install.ps1 and config.json", async () => {
    const r = await a.h.call("CreateAgentDownload", { os: "windows-x64" }, { tenant });
    const res = await fetch(`${a.baseUrl}${new URL(r.body.data.url).pathname}`);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="skyport-agent-windows-x64.zip"');
    const { unzipSync } = await import("fflate");
    expect(Object.keys(unzipSync(new Uint8Array(await res.arrayBuffer()))).sort()).toEqual([
      "skyport-agent/README.txt",
      "skyport-agent/config.json",
      "skyport-agent/install.ps1",
      "skyport-agent/skyport-agent.cjs",
    ]);
    expect(r.body.data.installCommand).toContain("install.ps1");
  });

  it("an expired or revoked link is 410 LinkExpired (a page for a browser); anything else is the same 404", async () => {
    const expiredLink = sealDownloadLink(a.keys, { tenantId: tenant.id, downloadId: randomUUID(), expiresAt: new Date(Date.now() - 1000) });
    const gone = await fetch(`${a.baseUrl}/download/${expiredLink}`);
    expect([gone.status, (await gone.json()).code]).toEqual([410, "LinkExpired"]);
    const d = await a.download(tenant);
    await a.h.call("RevokeAgentDownload", { downloadId: d.downloadId }, { tenant });
    const revoked = await fetch(`${a.baseUrl}${d.url}`, { headers: { accept: "text/html" } });
    expect(revoked.status).toBe(410);
    expect(await revoked.text()).toContain("Create a new link in the Skyport console");

    const good = (await a.download(tenant)).url.slice("/download/".length);
    const notFound = [
      `/download/${good.slice(0, -3)}`, // truncated
      `/download/${good.slice(0, -2)}${good.endsWith("AA") ? "BB" : "AA"}`, // tampered
      `/download/../api/agent/v1/heartbeat`,
      `/download/..%2F..%2Fetc%2Fpasswd`,
      `/download/%2e%2e/${good}`,
      `/download/${good}/..`,
      `/download/x${good}`,
      // sealed right, naming a download that does not exist (or another tenant's id with this tenant)
      `/download/${sealDownloadLink(a.keys, { tenantId: other.id, downloadId: (await a.download(tenant)).downloadId, expiresAt: new Date(Date.now() + 60_000) })}`,
      // an enrolment token is no download link
      `/download/${sealEnrolmentToken(a.keys, { tenantId: tenant.id, downloadId: randomUUID(), expiresAt: new Date(Date.now() + 60_000), maxEnrolments: 1 })}`,
    ];
    for (const path of notFound) {
      const res = await rawGet(path); // as sent: fetch would resolve the dots first
      expect([path, res.status, JSON.parse(res.body)]).toEqual([path, 404, { code: "NotFound", message: "no such download" }]);
    }
  });
});

describe("enrolment", () => {
  it("a token enrols only into its own tenant: the agent is tenant A's, and tenant B never sees it", async () => {
    const agent = await enrolled(tenant);
    const mine = await a.h.call("DescribeAgent", { agentId: agent.agentId }, { tenant });
    expect(mine.body.data.agentId).toBe(agent.agentId);
    const theirs = await a.h.call("DescribeAgent", { agentId: agent.agentId }, { tenant: other });
    expect(theirs.body).toMatchObject({ code: "InvalidParameter", message: "agentId: no such agent" });
    expect((await a.h.call("DescribeAgents", {}, { tenant: other })).body.data.agents).toEqual([]);
  });

  it("the same machine enrolling again keeps its id, gets a new secret (the old one stops working) and uses no enrolment", async () => {
    const d = await a.download(tenant);
    const machineId = randomBytes(16).toString("hex");
    const first = (await a.enrol(d.token, { machineId })).body;
    const second = (await a.enrol(d.token, { machineId })).body;
    expect(second.agentId).toBe(first.agentId);
    expect(second.agentSecret).not.toBe(first.agentSecret);
    expect((await heartbeat(first)).body.code).toBe("InvalidSignature");
    expect((await heartbeat(second)).status).toBe(200);
    const list = await a.h.call("ListAgentDownloads", {}, { tenant });
    expect(list.body.data.downloads.find((x: { downloadId: string }) => x.downloadId === d.downloadId).enrolments).toBe(1);
  });

  it.each([
    ["tampered", (t: string) => `${t.slice(0, -4)}${t.endsWith("AAAA") ? "BBBB" : "AAAA"}`],
    ["truncated", (t: string) => t.slice(0, -10)],
    ["an unknown key id", (t: string) => `zz9${t.slice(t.indexOf("."))}`],
    ["garbage", () => "not-a-token"],
  ])("refuses a %s token as InvalidToken", async (_name, change) => {
    const d = await a.download(tenant);
    expect(await a.enrol(change(d.token))).toMatchObject({ status: 401, body: { code: "InvalidToken" } });
  });

  it("refuses a token re-sealed under another key, expired, revoked or used up, each with the spec's code", async () => {
    const payload = { v: 1, t: tenant.id, d: randomUUID(), e: Math.floor(Date.now() / 1000) + 600, m: 5 };
    const otherKey = [{ keyId: "t1", key: randomBytes(32) }];
    expect(await a.enrol(seal(otherKey, "enrolment", payload))).toMatchObject({ status: 401, body: { code: "InvalidToken" } });

    const d = await a.download(tenant);
    const expired = sealEnrolmentToken(a.keys, {
      tenantId: tenant.id,
      downloadId: d.downloadId,
      expiresAt: new Date(Date.now() - 1000),
      maxEnrolments: 5,
    });
    expect(await a.enrol(expired)).toMatchObject({ status: 401, body: { code: "TokenExpired" } });

    await a.h.call("RevokeAgentDownload", { downloadId: d.downloadId }, { tenant });
    expect(await a.enrol(d.token)).toMatchObject({ status: 401, body: { code: "TokenRevoked" } });

    const once = await a.download(tenant);
    const usedUp = sealEnrolmentToken(a.keys, {
      tenantId: tenant.id,
      downloadId: once.downloadId,
      expiresAt: new Date(Date.now() + 60_000),
      maxEnrolments: 1,
    });
    expect((await a.enrol(usedUp)).status).toBe(201);
    expect(await a.enrol(usedUp)).toMatchObject({ status: 403, body: { code: "EnrolmentLimit" } });
  });

  it("refuses hosts beyond the plan's limit, naming the limit and the plan that allows more", async () => {
    const small = await createTenant(a.db.platformDb);
    await a.db.platformDb.subscription.updateMany({ where: { tenantId: small.id }, data: { plan: "basic" } });
    const d = await a.download(small);
    for (let i = 0; i < 10; i++) expect((await a.enrol(d.token)).status).toBe(201);
    const r = await a.enrol(d.token);
    expect(r).toMatchObject({ status: 403, body: { code: "EnrolmentLimit" } });
    expect(r.body.message).toBe("the basic plan allows 10 hosts and all are enrolled: the standard plan allows 100");
  });

  it("a frozen tenant's token is refused with TenantFrozen", async () => {
    const lapsing = await createTenant(a.db.platformDb);
    const d = await a.download(lapsing);
    await a.db.platformDb.tenant.update({ where: { id: lapsing.id }, data: { status: "frozen" } });
    expect(await a.enrol(d.token)).toMatchObject({ status: 402, body: { code: "TenantFrozen" } });
  });

  it("a suspended tenant's token is refused with TenantFrozen too, its subscription active (spec §3)", async () => {
    const suspended = await createTenant(a.db.platformDb);
    const d = await a.download(suspended);
    await a.db.platformDb.tenant.update({ where: { id: suspended.id }, data: { suspendedAt: new Date(), suspensionReason: "chargeback" } });
    expect(await a.enrol(d.token)).toMatchObject({ status: 402, body: { code: "TenantFrozen" } });
  });

  it("refuses malformed and oversized bodies with the spec's codes, never a 500", async () => {
    const post = (body: string | Buffer) =>
      fetch(`${a.baseUrl}/api/agent/v1/enroll`, { method: "POST", body: typeof body === "string" ? body : new Uint8Array(body) });
    expect((await post("{not json")).status).toBe(400);
    expect((await post("[]")).status).toBe(400);
    expect((await post(JSON.stringify({ token: "x" }))).status).toBe(400);
    expect(
      (await post(JSON.stringify({ token: "x", host: { hostname: "a\u0000b", machineId: "12345678", os: "l", arch: "x" } }))).status,
    ).toBe(400);
    const huge = await post(Buffer.alloc(300 * 1024, 0x20));
    expect([huge.status, (await huge.json()).code]).toEqual([413, "PayloadTooLarge"]);
  });
});

describe("signed calls, in the spec's order", () => {
  let agent: EnrolledAgent;
  beforeAll(async () => {
    agent = await enrolled();
  });

  it("a heartbeat answers continue and the interval", async () => {
    expect(await heartbeat(agent)).toMatchObject({ status: 200, body: { next: "continue", heartbeatSeconds: 30 } });
  });

  it("refuses a bad signature, an old timestamp, a reused nonce, a missing header, an unknown agent", async () => {
    expect((await heartbeat(agent, {}, { secret: "wrong" })).body.code).toBe("InvalidSignature");
    const old = await heartbeat(agent, {}, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect([old.status, old.body.code]).toEqual([401, "TokenExpired"]);
    const nonce = randomBytes(18).toString("base64url");
    expect((await heartbeat(agent, {}, { nonce })).status).toBe(200);
    const again = await heartbeat(agent, {}, { nonce });
    expect([again.status, again.body.code]).toEqual([409, "Replayed"]);
    expect((await heartbeat(agent, {}, { headers: { "x-agent-nonce": "short" } })).body.code).toBe("InvalidSignature");
    expect((await heartbeat({ ...agent, agentId: randomUUID() })).body.code).toBe("InvalidSignature");
    // a nonce is recorded only once its signature matched: a forged call does not burn it
    const fresh = randomBytes(18).toString("base64url");
    expect((await heartbeat(agent, {}, { nonce: fresh, secret: "wrong" })).body.code).toBe("InvalidSignature");
    expect((await heartbeat(agent, {}, { nonce: fresh })).status).toBe(200);
  });

  it("refuses an oversized body first (413), then a malformed one (400)", async () => {
    const big = await a.signed(agent, "POST", "/api/agent/v1/heartbeat", Buffer.alloc(257 * 1024, 0x20));
    expect([big.status, big.body.code]).toEqual([413, "PayloadTooLarge"]);
    expect((await a.signed(agent, "POST", "/api/agent/v1/heartbeat", Buffer.from("{nope"))).body.code).toBe("InvalidParameter");
    expect((await heartbeat(agent, { inventory: { hostname: "" } })).body.code).toBe("InvalidParameter");
  });

  it("a revoked agent is told AgentRevoked, before the clock or signature is looked at", async () => {
    const gone = await enrolled();
    await a.h.call("RevokeAgent", { agentId: gone.agentId }, { tenant });
    await expect.poll(async () => (await heartbeat(gone, {}, { secret: "any", timestamp: 1 })).body.code).toBe("AgentRevoked");
  });

  it("a frozen tenant's agents are told to pause, and get no tasks", async () => {
    const frozen = await createTenant(a.db.platformDb);
    const paused = await enrolled(frozen);
    const queued = await a.h.call("CreateAgentTask", { agentId: paused.agentId, kind: "rescan" }, { tenant: frozen });
    expect(queued.body.code).toBe("OK");
    await a.db.platformDb.tenant.update({ where: { id: frozen.id }, data: { status: "frozen" } });
    await a.restartChannel(); // what it cached of the tenant is forgotten (else within the cache's 15 s)
    expect((await heartbeat(paused)).body.next).toBe("pause");
    expect((await a.signed(paused, "GET", "/api/agent/v1/tasks?wait=0")).body).toEqual({ tasks: [] });
  });
});

describe("tasks", () => {
  it("a long poll holds until a task is queued, then hands it over; the result is stored and counted once", async () => {
    const agent = await enrolled();
    const poll = a.signed(agent, "GET", "/api/agent/v1/tasks?wait=20");
    await new Promise((r) => setTimeout(r, 300));
    const created = await a.h.call("CreateAgentTask", { agentId: agent.agentId, kind: "precheck", region: "cn-shanghai" }, { tenant });
    const { body } = await poll;
    expect(body.tasks).toEqual([
      {
        id: created.body.data.taskId,
        kind: "precheck",
        params: expect.objectContaining({
          region: "cn-shanghai",
          targetEndpoint: expect.any(String),
          serverTime: expect.any(String),
          minFreeDiskPercent: 10,
        }),
      },
    ]);
    const result = { status: "succeeded", checks: [{ name: "free-disk", result: "pass", detail: "ok" }] };
    const path = `/api/agent/v1/tasks/${created.body.data.taskId}/result`;
    expect(await a.signed(agent, "POST", path, result)).toMatchObject({ status: 200, body: {} });
    expect(await a.signed(agent, "POST", path, result)).toMatchObject({ status: 404, body: { code: "NotFound" } });
    const tasks = await a.h.call("DescribeAgentTasks", { agentId: agent.agentId }, { tenant });
    expect(tasks.body.data.tasks[0]).toMatchObject({ status: "succeeded", checks: result.checks });
    const runs = await a.db.platformDb.usageEvent.count({
      where: { tenantId: tenant.id, idempotencyKey: `task:${created.body.data.taskId}` },
    });
    expect(runs).toBe(1);
  });

  it("a result for another agent's task, or a task that does not exist, is 404", async () => {
    const mine = await enrolled();
    const theirs = await enrolled();
    const t = await a.h.call("CreateAgentTask", { agentId: theirs.agentId, kind: "rescan" }, { tenant });
    const body = { status: "succeeded", checks: [] };
    expect((await a.signed(mine, "POST", `/api/agent/v1/tasks/${t.body.data.taskId}/result`, body)).status).toBe(404);
    expect((await a.signed(mine, "POST", `/api/agent/v1/tasks/${randomUUID()}/result`, body)).status).toBe(404);
    expect((await a.signed(mine, "POST", "/api/agent/v1/tasks/../../heartbeat/result", body)).status).toBe(404);
    expect((await a.h.call("DescribeAgentTasks", { agentId: theirs.agentId }, { tenant })).body.data.tasks[0].status).toBe("queued");
  });

  it("refuses a wait outside 0..30", async () => {
    const agent = await enrolled();
    expect((await a.signed(agent, "GET", "/api/agent/v1/tasks?wait=31")).body.code).toBe("InvalidParameter");
  });

  it("a precheck needs the plan's checks: basic is refused with Forbidden", async () => {
    const basic = await createTenant(a.db.platformDb);
    await a.db.platformDb.subscription.updateMany({ where: { tenantId: basic.id }, data: { plan: "basic" } });
    const agent = await enrolled(basic);
    const r = await a.h.call("CreateAgentTask", { agentId: agent.agentId, kind: "precheck" }, { tenant: basic });
    expect(r.body).toMatchObject({ code: "Forbidden", message: expect.stringContaining("does not include checks") });
    expect((await a.h.call("CreateAgentTask", { agentId: agent.agentId, kind: "rescan" }, { tenant: basic })).body.code).toBe("OK");
  });
});

describe("heartbeats cost no write each", () => {
  it("inventory is written only when it changed, last-seen times in batches", async () => {
    const agent = await enrolled();
    const inventory = {
      hostname: "web-07",
      os: { name: "Debian GNU/Linux", version: "12", kernel: "6.1" },
      cpu: { model: "x", cores: 4 },
      memoryBytes: 8e9,
    };
    const writesBefore = a.channel.heartbeatWrites();
    await heartbeat(agent, { inventory });
    const first = await a.db.platformDb.agent.findFirstOrThrow({ where: { id: agent.agentId } });
    const beating = Date.now();
    for (let i = 0; i < 20; i++) await heartbeat(agent, { inventory: { ...inventory, cpu: { cores: 4, model: "x" } } });
    const after = await a.db.platformDb.agent.findFirstOrThrow({ where: { id: agent.agentId } });
    expect(after.inventoryAt?.getTime()).toBe(first.inventoryAt?.getTime());
    expect(after.hostname).toBe("web-07");
    await a.channel.heartbeatWrites(); // (the writes counter)
    // last seen moves with the heartbeats (enrolment set it first), in batches
    await expect
      .poll(async () => (await a.db.platformDb.agent.findFirstOrThrow({ where: { id: agent.agentId } })).lastSeenAt?.getTime())
      .toBeGreaterThanOrEqual(beating);
    expect(a.channel.heartbeatWrites() - writesBefore).toBeLessThan(21);
  });

  it("one managed-host-hour per agent per hour, however many heartbeats, across a restart too", async () => {
    const agent = await enrolled();
    for (let i = 0; i < 10; i++) await heartbeat(agent);
    await a.restartChannel();
    for (let i = 0; i < 10; i++) await heartbeat(agent);
    await a.restartChannel();
    const hours = await a.db.platformDb.usageEvent.findMany({
      where: { tenantId: tenant.id, idempotencyKey: { startsWith: `agent:${agent.agentId}:` } },
    });
    expect(hours).toHaveLength(1);
    expect(hours[0]).toMatchObject({ metric: "managed_host_hours", source: "agent" });
    expect(Number(hours[0]?.quantity)).toBe(1);
  });
});
