import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { type Harness, mainAccount, startHarness, testKeys } from "../../test/gateway-harness";
import { countRoundTrips } from "../../test/round-trips";
import { createDatabase } from "../db";
import { accessToken, isGatewayPath, signedQuery } from "./index";

let h: Harness;
let t: TestTenant;
beforeAll(async () => {
  h = await startHarness();
  t = await createTenant(h.db.platformDb);
});
afterAll(() => h.close());

const aliKey = testKeys[0]!;
const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
let n = 0;
const newTrace = () => `gw-${Date.now()}-${n++}`;

/** A correctly signed query for raw field texts, for tests that craft odd fields. */
function rawQuery(f: { action?: string; userinfo: string; params: string; traceId?: string; issuedAt?: number; key?: typeof aliKey }) {
  const fields = {
    action: f.action ?? "DescribeTenant",
    userinfo: f.userinfo,
    params: f.params,
    traceId: f.traceId ?? newTrace(),
    issuedAt: f.issuedAt ?? Math.floor(Date.now() / 1000),
  };
  const token = accessToken((f.key ?? aliKey).keyId, (f.key ?? aliKey).secret, fields);
  return {
    path: `/api/${fields.action}`,
    query: `userinfo=${fields.userinfo}&accessToken=${token}&params=${fields.params}&traceId=${fields.traceId}`,
    token,
  };
}

describe("the spec's test vector", () => {
  it("is accepted by the gateway at its issuedAt", async () => {
    const vector = await startHarness({
      keys: [{ keyId: "k1", channel: "aliyun", secret: "console-secret-1" }],
      now: () => 1767225600 * 1000,
      db: h.db,
    });
    await h.db.platformDb.tenant.upsert({
      where: { channel_externalId: { channel: "aliyun", externalId: "1001" } },
      create: { channel: "aliyun", externalId: "1001", displayName: "Vector tenant" },
      update: {},
    });
    const userinfo = b64({ uid: "1001", parentUid: "1001", accountType: "main", marketplace: "aliyun" });
    const token = `v1.k1.1767225600.${"W_2TAP-sRtJgDYLIy70Yqaccz5VQE7SXGa-BTxfSDfw"}`;
    const r = await vector.get(`/api/DescribeTenant?userinfo=${userinfo}&accessToken=${token}&params=e30&traceId=trace-0001`);
    await vector.close();
    expect(r.body.code).toBe("OK");
    expect(r.body.data.name).toBe("Vector tenant");
  });
});

describe("signature and tampering", () => {
  const base = () => rawQuery({ userinfo: b64(mainAccount(t)), params: b64({}) });

  it("accepts the untampered request", async () => {
    const q = base();
    expect((await h.get(`${q.path}?${q.query}`)).body.code).toBe("OK");
  });

  const tamper = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
  it.each(["userinfo", "params", "traceId", "accessToken-issuedAt", "accessToken-signature", "Action"])(
    "refuses one changed byte in %s",
    async (field) => {
      const q = base();
      const params = new URLSearchParams(q.query);
      let path = q.path;
      if (field === "Action") path = "/api/DescribeCaller";
      else if (field === "accessToken-issuedAt") {
        const [v, k, at, sig] = params.get("accessToken")!.split(".");
        params.set("accessToken", [v, k, String(Number(at) - 1), sig].join("."));
      } else if (field === "accessToken-signature") {
        params.set("accessToken", tamper(params.get("accessToken")!, params.get("accessToken")!.length - 5));
      } else if (field === "params") {
        params.set("params", b64({ a: 1 }));
      } else {
        params.set(field, tamper(params.get(field)!, 3));
      }
      const r = await h.get(`${path}?${params.toString()}`);
      expect(r.status).toBe(401);
      expect(r.body.code).toBe("InvalidSignature");
    },
  );

  it("accepts ±300 s and refuses ±301 s with TokenExpired, the spec's now being whole seconds", async () => {
    // the gateway's clock pinned mid-second: 300 s off is still in
    const now = Math.floor(Date.now() / 1000);
    const pinned = await startHarness({ db: h.db, now: () => now * 1000 + 500 });
    for (const [skew, code] of [
      [-300, "OK"],
      [300, "OK"],
      [-301, "TokenExpired"],
      [301, "TokenExpired"],
    ] as const) {
      const r = await pinned.call("DescribeTenant", {}, { tenant: t, issuedAt: now + skew });
      expect([skew, r.body.code]).toEqual([skew, code]);
      if (code === "TokenExpired") expect(r.status).toBe(401);
    }
    await pinned.close();
  });

  it("refuses a key of channel aws signing aliyun userinfo", async () => {
    const r = await h.call("DescribeTenant", {}, { tenant: t, key: testKeys.find((k) => k.channel === "aws")! });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe("InvalidSignature");
  });

  it("accepts any active key of the channel (rotation)", async () => {
    const r = await h.call("DescribeTenant", {}, { tenant: t, key: testKeys[1]! });
    expect(r.body.code).toBe("OK");
  });

  it.each([
    ["no accessToken", (q: string) => q.replace(/accessToken=[^&]*&?/, "")],
    ["a garbled accessToken", (q: string) => q.replace(/accessToken=v1\./, "accessToken=v2.")],
    ["an unknown keyId", (q: string) => q.replace(/accessToken=v1\.k-ali\./, "accessToken=v1.k-nobody.")],
  ])("answers InvalidSignature for %s", async (_name, change) => {
    const q = base();
    const r = await h.get(`${q.path}?${change(q.query)}`);
    expect([r.status, r.body.code]).toEqual([401, "InvalidSignature"]);
  });

  it("answers every /api/{segment} itself, a malformed one included, always with the JSON envelope", async () => {
    expect(isGatewayPath("/api/%ZZescribeTenant?userinfo=x")).toBe(true);
    expect(isGatewayPath("/api/describeTenant")).toBe(true);
    expect(isGatewayPath("/api/marketplace/aliyun?action=verify")).toBe(false);
    expect(isGatewayPath("/api/auth/session")).toBe(false);
    for (const path of ["/api/%ZZescribeTenant", "/api/%E0%A4%A", "/api/describeTenant", "/api/Describe%00Tenant"]) {
      const r = await h.get(`${path}?${base().query}`);
      expect([path, r.status, r.body.code, r.headers.get("content-type")]).toEqual([
        path,
        400,
        "InvalidParameter",
        "application/json; charset=utf-8",
      ]);
    }
  });

  it("refuses a NUL or a lone surrogate in any text of params or userinfo as InvalidParameter, and changes nothing", async () => {
    const before = (await h.call("DescribeTenant", {}, { tenant: t })).body.data.name;
    for (const params of [{ displayName: "a\u0000b" }, { displayName: "ok", contactEmail: "a\u0000@b.c" }, { displayName: "\ud800" }]) {
      const r = await h.call("UpdateTenantProfile", params, { tenant: t });
      expect([r.status, r.body.code]).toEqual([400, "InvalidParameter"]);
    }
    const named = await h.call("DescribeCaller", {}, { userinfo: { ...mainAccount(t), name: "x\u0000" } });
    expect([named.status, named.body.code]).toEqual([400, "InvalidParameter"]);
    expect((await h.call("DescribeTenant", {}, { tenant: t })).body.data.name).toBe(before);
  });

  it("takes the four fields as headers too, signed the same way", async () => {
    const q = new URLSearchParams(base().query);
    const r = await h.get("/api/DescribeTenant", {
      headers: {
        "x-userinfo": q.get("userinfo")!,
        "x-access-token": q.get("accessToken")!,
        "x-params": q.get("params")!,
        "x-trace-id": q.get("traceId")!,
      },
    });
    expect(r.body.code).toBe("OK");
  });
});

describe("every error code over HTTP", () => {
  it("MethodNotAllowed for POST", async () => {
    const q = rawQuery({ userinfo: b64(mainAccount(t)), params: b64({}) });
    const r = await h.get(`${q.path}?${q.query}`, { method: "POST" });
    expect([r.status, r.body.code, r.headers.get("allow")]).toEqual([405, "MethodNotAllowed", "GET"]);
    expect(r.headers.get("x-trace-id")).toBe(new URLSearchParams(q.query).get("traceId"));
  });

  it("ActionNotFound for an action that does not exist", async () => {
    const r = await h.call("DescribeNothing", {}, { tenant: t });
    expect([r.status, r.body.code]).toEqual([404, "ActionNotFound"]);
  });

  it("TenantNotFound for an account that has not bought", async () => {
    const r = await h.call(
      "DescribeTenant",
      {},
      { userinfo: { uid: "never-bought", parentUid: "never-bought", accountType: "main", marketplace: "aliyun" } },
    );
    expect([r.status, r.body.code]).toEqual([403, "TenantNotFound"]);
  });

  it("TenantNotFound when the account exists only in another channel", async () => {
    const r = await h.call("DescribeTenant", {}, { userinfo: { ...mainAccount(t), marketplace: "aws" }, key: testKeys[2]! });
    expect(r.body.code).toBe("TenantNotFound");
  });

  it("TenantNotFound once a tenant whose id was cached is deleted: reads of main and sub accounts, and changes", async () => {
    const gone = await createTenant(h.db.platformDb);
    const sub = { uid: "sub-of-gone", parentUid: gone.parentUid, accountType: "sub", marketplace: "aliyun" };
    expect((await h.call("DescribeTenant", {}, { tenant: gone })).body.code).toBe("OK"); // now cached
    await h.db.platformDb.tenant.delete({ where: { id: gone.id } });
    const replies = [
      await h.call("DescribeTenant", {}, { tenant: gone }),
      await h.call("DescribeCaller", {}, { tenant: gone, userinfo: sub }),
      await h.call("UpdateTenantProfile", { displayName: "ghost" }, { tenant: gone }),
    ];
    expect(replies.map((r) => [r.status, r.body.code])).toEqual(Array(3).fill([403, "TenantNotFound"]));
  });

  it("a main account's read takes one round trip: its context travels with the handler's statement; a first read's lookup replaces it", async () => {
    const db = createDatabase(inject("dbUrls"), 2);
    const trips = countRoundTrips(db.appPool);
    const counting = await startHarness({ db });
    const count = async (run: () => Promise<{ body: { code: string } }>) => {
      trips.count = 0;
      trips.statements = 0;
      expect((await run()).body.code).toBe("OK");
      return [trips.count, trips.statements];
    };
    await h.db.platformDb.membership.create({ data: { tenantId: t.id, uid: "member-rt", role: "member" } });
    const sub = { uid: "member-rt", parentUid: t.parentUid, accountType: "sub", marketplace: "aliyun" };
    // the first call of an account looks its tenant id up (the handler's statement needs it)
    const uncached = await count(() => counting.call("DescribeTenant", {}, { tenant: t }));
    const main = await count(() => counting.call("DescribeTenant", {}, { tenant: t }));
    const subUser = await count(() => counting.call("DescribeTenant", {}, { tenant: t, userinfo: sub }));
    await counting.close();
    await db.close();
    expect({ uncached: uncached[0], main: main[0], subUser: subUser[0] }).toEqual({ uncached: 2, main: 1, subUser: 2 });
    // the lookup stands in for the check that the tenant exists: no statement more than a cached read
    expect(uncached[1]).toBe(main[1]);
  });

  it("main accounts' reads whose tenant ids are not cached share one lookup: a miss costs a fraction of a round trip", async () => {
    const db = createDatabase(inject("dbUrls"), 2);
    const trips = countRoundTrips(db.appPool);
    const counting = await startHarness({ db });
    const many = await Promise.all(Array.from({ length: 8 }, () => createTenant(h.db.platformDb)));
    trips.count = 0;
    const replies = await Promise.all(
      many.map((x, i) =>
        counting.gateway.handle({
          method: "GET",
          action: "DescribeTenant",
          query: signedQuery(aliKey, "DescribeTenant", mainAccount(x), {}, newTrace() + i),
          headers: {},
        }),
      ),
    );
    const calls = trips.count;
    await counting.close();
    await db.close();
    expect(replies.map((r) => JSON.parse(r.body).data.id)).toEqual(many.map((x) => x.id));
    expect(calls).toBe(many.length + 1); // one round trip each, and one lookup for all of them
  });

  it("an account whose tenant id is not cached costs a change no round trip more: its first statement resolves it", async () => {
    const db = createDatabase(inject("dbUrls"), 2);
    const trips = countRoundTrips(db.appPool);
    const counting = await startHarness({ db });
    const fresh = await createTenant(h.db.platformDb);
    const count = async () => {
      trips.count = 0;
      expect((await counting.call("UpdateTenantProfile", { displayName: `n-${trips.count}` }, { tenant: fresh })).body.code).toBe("OK");
      return trips.count;
    };
    const uncached = await count();
    const cached = await count();
    await counting.close();
    await db.close();
    expect(uncached).toBe(cached);
  });

  it("keeps the most recently used tenant ids: a full cache makes room one at a time", async () => {
    const db = createDatabase(inject("dbUrls"), 2);
    const trips = countRoundTrips(db.appPool);
    const small = await startHarness({ db, tenantCacheSize: 2 });
    const [a, b, c] = [await createTenant(h.db.platformDb), await createTenant(h.db.platformDb), await createTenant(h.db.platformDb)];
    const read = async (x: TestTenant) => {
      trips.count = 0;
      expect((await small.call("DescribeTenant", {}, { tenant: x })).body.code).toBe("OK");
      return trips.count === 1 ? "cached" : "resolved";
    };
    const order = [await read(a), await read(b), await read(a), await read(c), await read(a), await read(b)];
    await small.close();
    await db.close();
    // c takes b's place (least recently used), not everyone's
    expect(order).toEqual(["resolved", "resolved", "cached", "resolved", "cached", "resolved"]);
  });

  it("Forbidden for a viewer calling a manager's action", async () => {
    await h.db.platformDb.membership.create({ data: { tenantId: t.id, uid: "viewer-1", role: "viewer" } });
    const r = await h.call(
      "UpdateTenantProfile",
      { displayName: "x" },
      { tenant: t, userinfo: { uid: "viewer-1", parentUid: t.parentUid, accountType: "sub", marketplace: "aliyun" } },
    );
    expect([r.status, r.body.code]).toEqual([403, "Forbidden"]);
  });

  it("EntitlementExpired for a mutation of a lapsed tenant, while reads still work", async () => {
    const lapsed = await createTenant(h.db.platformDb, { expiresAt: new Date(Date.now() - 1000) });
    const write = await h.call("UpdateTenantProfile", { displayName: "late" }, { tenant: lapsed });
    expect([write.status, write.body.code]).toEqual([402, "EntitlementExpired"]);
    expect((await h.call("DescribeTenant", {}, { tenant: lapsed })).body.code).toBe("OK");
    const frozen = await createTenant(h.db.platformDb, { status: "frozen" });
    expect((await h.call("UpdateTenantProfile", { displayName: "x" }, { tenant: frozen })).body.code).toBe("EntitlementExpired");
  });

  it("Replayed for a reused traceId with other params", async () => {
    const traceId = newTrace();
    expect((await h.call("UpdateTenantProfile", { displayName: "First" }, { tenant: t, traceId })).body.code).toBe("OK");
    const r = await h.call("UpdateTenantProfile", { displayName: "Second" }, { tenant: t, traceId });
    expect([r.status, r.body.code]).toEqual([409, "Replayed"]);
    expect((await h.call("DescribeTenant", {}, { tenant: t })).body.data.name).toBe("First");
  });

  it("Throttling with Retry-After past the tenant's burst", async () => {
    const limited = await startHarness({ db: h.db, rateLimit: { perSecond: 1, burst: 3 } });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push(await limited.call("DescribeTenant", {}, { tenant: t }));
    await limited.close();
    expect(codes.map((r) => r.body.code)).toEqual(["OK", "OK", "OK", "Throttling", "Throttling"]);
    expect(codes[3]!.status).toBe(429);
    expect(Number(codes[3]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("InternalError without internals when an action throws", async () => {
    const { defineAction } = await import("../actions");
    const { createRegistry } = await import("./action");
    const { z } = await import("zod");
    const boom = defineAction({
      name: "DescribeBoom",
      params: z.object({}),
      roles: ["owner"],
      mutates: false,
      handler: async () => {
        throw new Error("secret internals: relation tenants at 10.0.0.1");
      },
    });
    const broken = await startHarness({ db: h.db, actions: createRegistry([boom]) });
    const r = await broken.call("DescribeBoom", {}, { tenant: t });
    await broken.close();
    expect([r.status, r.body.code]).toEqual([500, "InternalError"]);
    expect(JSON.stringify(r.body)).not.toMatch(/secret internals|10\.0\.0\.1|at .*\.ts/);
    expect(r.body.message).toContain(r.body.traceId);
  });

  it("ServiceUnavailable with Retry-After 1 when a transaction loses a serialization conflict", async () => {
    const { defineAction } = await import("../actions");
    const { createRegistry } = await import("./action");
    const { z } = await import("zod");
    const conflicted = defineAction({
      name: "UpdateConflicted",
      params: z.object({}),
      roles: ["owner"],
      mutates: true,
      handler: async ({ tx }) => tx.execute`DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$`,
    });
    const racy = await startHarness({ db: h.db, actions: createRegistry([conflicted]) });
    const r = await racy.call("UpdateConflicted", {}, { tenant: t });
    await racy.close();
    expect([r.status, r.body.code, r.headers.get("retry-after")]).toEqual([503, "ServiceUnavailable", "1"]);
  });

  it("ServiceUnavailable with Retry-After when the database is down", async () => {
    const { createDatabase } = await import("../db");
    const dead = "postgresql://app:x@127.0.0.1:1/none";
    const down = createDatabase({ owner: dead, app: dead, platform: dead, opsRo: dead }, 1);
    const noDb = await startHarness({ db: down });
    const r = await noDb.call("DescribeTenant", {}, { tenant: t });
    await noDb.close();
    await down.close();
    expect([r.status, r.body.code]).toEqual([503, "ServiceUnavailable"]);
    expect(r.headers.get("retry-after")).toBe("5");
  });
});

describe("bad input is InvalidParameter or InvalidSignature, never a 500", () => {
  const ui = () => b64(mainAccount(t));
  const cases: [string, () => { path: string; query: string }][] = [
    ["an Action that breaks the pattern", () => rawQuery({ action: "describe-tenant", userinfo: ui(), params: "e30" })],
    ["oversized userinfo", () => rawQuery({ userinfo: b64({ ...mainAccount(t), name: "x".repeat(2000) }), params: "e30" })],
    ["oversized params", () => rawQuery({ userinfo: ui(), params: b64({ pad: "x".repeat(13000) }) })],
    ["non-base64url userinfo", () => rawQuery({ userinfo: "eyJ%2B%2F", params: "e30" })],
    ["non-JSON params", () => rawQuery({ userinfo: ui(), params: b64("{oops") })],
    ["a __proto__ key", () => rawQuery({ userinfo: ui(), params: b64('{"__proto__":{"polluted":1}}') })],
    ["deeply nested params", () => rawQuery({ userinfo: ui(), params: b64(`${'{"a":'.repeat(30)}1${"}".repeat(30)}`) })],
    ["userinfo of the wrong type", () => rawQuery({ userinfo: b64({ ...mainAccount(t), uid: 1001 }), params: "e30" })],
    ["userinfo with an unknown marketplace", () => rawQuery({ userinfo: b64({ ...mainAccount(t), marketplace: "gcp" }), params: "e30" })],
    ["main accountType with a different uid", () => rawQuery({ userinfo: b64({ ...mainAccount(t), uid: "other" }), params: "e30" })],
    [
      "params failing the action's schema",
      () => rawQuery({ action: "UpdateTenantProfile", userinfo: ui(), params: b64({ displayName: 42 }) }),
    ],
    [
      "an unknown params field",
      () => rawQuery({ action: "UpdateTenantProfile", userinfo: ui(), params: b64({ displayName: "a", tenantId: "x" }) }),
    ],
    ["a malformed traceId", () => rawQuery({ userinfo: ui(), params: "e30", traceId: "short" })],
  ];

  it.each(cases)("%s → InvalidParameter", async (_name, make) => {
    const { path, query } = make();
    const r = await h.get(`${path}?${query}`);
    expect([r.status, r.body.code]).toEqual([400, "InvalidParameter"]);
    expect(r.body.message).not.toMatch(/at .*\.(ts|js)|Error:/);
  });

  it.each(["userinfo", "params", "traceId", "accessToken"])("a duplicated %s → InvalidParameter", async (field) => {
    const q = rawQuery({ userinfo: ui(), params: "e30" });
    const value = new URLSearchParams(q.query).get(field);
    const r = await h.get(`${q.path}?${q.query}&${field}=${value}`);
    expect([r.status, r.body.code]).toEqual([400, "InvalidParameter"]);
  });

  it("a field in both the query and a header → InvalidParameter", async () => {
    const q = rawQuery({ userinfo: ui(), params: "e30" });
    const r = await h.get(`${q.path}?${q.query}`, { headers: { "x-params": "e30" } });
    expect(r.body.code).toBe("InvalidParameter");
  });

  it("params of {} for an action that needs fields names the fields, not the values", async () => {
    const r = await h.call("UpdateTenantProfile", { contactEmail: "not-an-email-SECRET" }, { tenant: t });
    expect(r.body.code).toBe("InvalidParameter");
    expect(r.body.message).toContain("contactEmail");
    expect(r.body.message).not.toContain("SECRET");
  });
});

describe("traces and logs", () => {
  it("records a trace per call, and never the accessToken", async () => {
    const q = rawQuery({ userinfo: b64(mainAccount(t)), params: "e30" });
    await h.get(`${q.path}?${q.query}`);
    const token = new URLSearchParams(q.query).get("accessToken")!;
    const trace = h.traces.find((x) => x.traceId === new URLSearchParams(q.query).get("traceId"));
    expect(trace).toMatchObject({ action: "DescribeTenant", code: "OK", httpStatus: 200, tenantId: t.id, keyId: "k-ali" });
    expect(JSON.stringify(h.traces)).not.toContain(token.split(".")[3]);
  });

  it("hands the trace the params its action marks secret, for the writer to leave out", async () => {
    const traceId = newTrace();
    await h.call("CompleteCloudAuthorization", { token: "one-time-token", state: "s" }, { tenant: t, traceId });
    const trace = h.traces.find((x) => x.traceId === traceId);
    expect(trace?.params).toEqual({ token: "one-time-token", state: "s" });
    expect([...(trace?.secretParams ?? [])].sort()).toEqual(["state", "token"]);
  });

  it("logs one JSON line per request without the accessToken, even for failures", async () => {
    const { Writable } = await import("node:stream");
    const pino = (await import("pino")).default;
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await startHarness({ db: h.db, log: pino({ level: "info" }, sink) });
    const query = signedQuery(aliKey, "UpdateTenantProfile", mainAccount(t), { displayName: 7 }, newTrace());
    await logged.get(`/api/UpdateTenantProfile?${query}`);
    await logged.call("DescribeTenant", {}, { tenant: t });
    await logged.close();
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({ action: "UpdateTenantProfile", code: "InvalidParameter", tenant: t.id, status: 400 });
    expect(first.ms).toBeTypeOf("number");
    const signature = new URLSearchParams(query).get("accessToken")!.split(".")[3]!;
    expect(lines.join("")).not.toContain(signature);
  });
});
