import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../../../test/gateway-harness";
import { handleAliyunSpi, type SpiDeps } from "./handle-spi";
import { spiToken } from "./spi-token";

const secret = "test-spi-secret-0123456789";
let h: Harness;
const clock = Date.now();
let deps: SpiDeps;
beforeAll(async () => {
  h = await startHarness();
  deps = {
    platformDb: h.db.platformDb,
    secret,
    publicUrl: "https://skyport.example",
    now: () => new Date(clock),
    roleName: "AliyunSkyportRole",
  };
});
afterAll(() => h.close());

/** A signed SPI call, its parameters in random order (as the marketplace may send them). */
function spi(params: Record<string, string>, opts: { secret?: string } = {}) {
  const map = new Map(Object.entries(params));
  map.set("token", spiToken(map, opts.secret ?? secret));
  const shuffled = [...map].sort(() => Math.random() - 0.5);
  return handleAliyunSpi(deps, new URLSearchParams(shuffled).toString());
}

/** `yyyy-MM-dd HH:mm:ss` in Asia/Shanghai for a time `days` from the test clock. */
function shanghai(days: number) {
  return new Date(clock + days * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

function order(aliUid = `uid-${randomUUID().slice(0, 8)}`, orderBizId = `${Math.floor(Math.random() * 1e12)}`) {
  return {
    aliUid,
    orderBizId,
    create: {
      action: "createInstance",
      aliUid,
      orderBizId,
      orderId: `o-${orderBizId}`,
      productCode: "cmapi0001",
      skuId: "skyport-standard",
      trial: "false",
      expiredOn: shanghai(30),
    },
  };
}

const tenantOf = (aliUid: string) =>
  h.db.platformDb.tenant.findUniqueOrThrow({
    where: { channel_externalId: { channel: "aliyun", externalId: aliUid } },
    include: { subscriptions: true },
  });

describe("createInstance", () => {
  it("sent 120 times, 20 at once, in shuffled order: one tenant, one subscription, the same instanceId", async () => {
    const o = order();
    const answers = [];
    for (let round = 0; round < 6; round++) answers.push(...(await Promise.all(Array.from({ length: 20 }, () => spi(o.create)))));
    const bodies = answers.map((a) => (a.kind === "json" ? a.body : a));
    expect(bodies).toHaveLength(120);
    for (const b of bodies) expect(b).toEqual(bodies[0]); // equal values; jsonb may order keys differently
    expect(bodies[0]).toMatchObject({ instanceId: o.orderBizId, appInfo: { authUrl: "https://skyport.example/api/marketplace/aliyun" } });
    const tenant = await tenantOf(o.aliUid);
    expect(tenant.subscriptions).toHaveLength(1);
    expect(tenant.subscriptions[0]).toMatchObject({
      plan: "standard",
      sku: "skyport-standard",
      status: "active",
      instanceId: o.orderBizId,
    });
    expect(await h.db.platformDb.marketplaceInbox.count({ where: { idempotencyKey: `createInstance:${o.orderBizId}` } })).toBe(1);
    // the listing's role template creates the RAM role at purchase: recorded, pending verification
    const access = await h.db.platformDb.cloudAccess.findUniqueOrThrow({
      where: { tenantId_provider: { tenantId: tenant.id, provider: "aliyun" } },
    });
    expect(access).toMatchObject({ roleArn: `acs:ram::${o.aliUid}:role/AliyunSkyportRole`, status: "pending" });
    expect(access.externalId).toMatch(/^skyport-/);
  });

  it("20 first purchases of one new account at once, each its own order: all succeed, one tenant, 20 subscriptions", async () => {
    const aliUid = `uid-${randomUUID().slice(0, 8)}`;
    const orders = Array.from({ length: 20 }, () => order(aliUid));
    const answers = await Promise.all(orders.map((o) => spi(o.create)));
    expect(answers.map((a) => [a.kind, a.kind === "json" && a.status])).toEqual(Array(20).fill(["json", 200]));
    expect(answers.map((a) => a.kind === "json" && (a.body as { instanceId?: string }).instanceId).sort()).toEqual(
      orders.map((o) => o.orderBizId).sort(),
    );
    const tenant = await tenantOf(aliUid);
    expect(tenant.subscriptions).toHaveLength(20);
    expect(await h.db.platformDb.membership.count({ where: { tenantId: tenant.id } })).toBe(1);
  });

  it("reads expiredOn as Asia/Shanghai time and honours trial", async () => {
    const o = order();
    await spi({ ...o.create, trial: "true", expiredOn: "2027-01-01 08:00:00" });
    const { subscriptions } = await tenantOf(o.aliUid);
    expect(subscriptions[0]).toMatchObject({ trial: true, expiresAt: new Date("2027-01-01T00:00:00Z") });
  });

  it("refuses an orderBizId replayed for another account, changing nothing", async () => {
    const o = order();
    await spi(o.create);
    const other = await spi({ ...o.create, aliUid: "someone-else" });
    expect(other).toMatchObject({ kind: "json", status: 200, body: { success: false } });
    expect(await h.db.platformDb.tenant.count({ where: { externalId: "someone-else" } })).toBe(0);
  });
});

describe("lifecycle", () => {
  it("a renew before its create is parked and answered 503, then applied when the create lands; never lost", async () => {
    const o = order();
    const renew = { action: "renewInstance", instanceId: o.orderBizId, orderId: `r-${o.orderBizId}`, expiredOn: shanghai(400) };
    expect(await spi(renew)).toMatchObject({ kind: "json", status: 503 });
    await spi(o.create);
    const { subscriptions } = await tenantOf(o.aliUid);
    expect(subscriptions[0]?.expiresAt?.getTime()).toBe(clock + 400 * 86_400_000 - (clock % 1000));
    expect(await spi(renew)).toMatchObject({ kind: "json", status: 200, body: { success: true } });
    const orders = await h.db.platformDb.marketplaceOrder.findMany({ where: { instanceId: o.orderBizId }, orderBy: { id: "asc" } });
    expect(orders.map((x) => x.action)).toEqual(["createInstance", "renewInstance"]);
  });

  it("upgrade twice: the plan follows the last SKU, the expiry does not move", async () => {
    const o = order();
    await spi(o.create);
    const before = (await tenantOf(o.aliUid)).subscriptions[0]?.expiresAt;
    await spi({ action: "upgradeInstance", instanceId: o.orderBizId, orderId: "u1", skuId: "skyport-basic" });
    await spi({ action: "upgradeInstance", instanceId: o.orderBizId, orderId: "u2", skuId: "skyport-enterprise" });
    const { subscriptions } = await tenantOf(o.aliUid);
    expect(subscriptions[0]).toMatchObject({ plan: "enterprise", sku: "skyport-enterprise", expiresAt: before });
  });

  it("expire freezes (reads work, changes are EntitlementExpired); renew lifts it", async () => {
    const o = order();
    await spi(o.create);
    await spi({ action: "expiredInstance", instanceId: o.orderBizId });
    expect((await tenantOf(o.aliUid)).status).toBe("frozen");
    const who = { userinfo: { uid: o.aliUid, parentUid: o.aliUid, accountType: "main", marketplace: "aliyun" } };
    expect((await h.call("DescribeTenant", {}, who)).body.data.status).toBe("frozen");
    expect((await h.call("UpdateTenantProfile", { displayName: "frozen" }, who)).body.code).toBe("EntitlementExpired");
    await spi({ action: "renewInstance", instanceId: o.orderBizId, orderId: `r2-${o.orderBizId}`, expiredOn: shanghai(60) });
    expect((await tenantOf(o.aliUid)).status).toBe("active");
    expect((await h.call("UpdateTenantProfile", { displayName: "renewed" }, who)).body.code).toBe("OK");
  });

  it("release closes the tenant and keeps its data; a late renew is refused and changes nothing", async () => {
    const o = order();
    await spi(o.create);
    expect(await spi({ action: "releaseInstance", instanceId: o.orderBizId, isRefund: "false" })).toMatchObject({
      body: { success: true },
    });
    const closed = await tenantOf(o.aliUid);
    expect(closed).toMatchObject({ status: "closed" });
    expect(closed.closedAt).not.toBeNull();
    const late = await spi({ action: "renewInstance", instanceId: o.orderBizId, orderId: `late-${o.orderBizId}`, expiredOn: shanghai(90) });
    expect(late).toMatchObject({ kind: "json", status: 200, body: { success: false } });
    expect(await tenantOf(o.aliUid)).toMatchObject({ status: "closed", closedAt: closed.closedAt });
  });

  it("refundRenewInstance rolls the expiry back, freezing a tenant whose time is up", async () => {
    const o = order();
    await spi(o.create);
    await spi({ action: "refundRenewInstance", instanceId: o.orderBizId, expiredOn: shanghai(-1) });
    expect(await tenantOf(o.aliUid)).toMatchObject({ status: "frozen" });
  });

  it("orderPay is acknowledged once per requestId", async () => {
    const o = order();
    const pay = {
      action: "orderPay",
      requestId: `req-${o.orderBizId}`,
      aliUid: o.aliUid,
      orderBizId: o.orderBizId,
      orderId: "p1",
      productCode: "cmapi0001",
      skuId: "skyport-standard",
    };
    expect(await spi(pay)).toMatchObject({ body: { success: true } });
    expect(await spi(pay)).toMatchObject({ body: { success: true } });
    expect(await h.db.platformDb.marketplaceInbox.count({ where: { idempotencyKey: `orderPay:req-${o.orderBizId}` } })).toBe(1);
  });
});

describe("bad input: the spec's failure shape, no state change", () => {
  it.each([
    ["a wrong token", () => spi(order().create, { secret: "not-the-secret-at-all" }), "invalid token"],
    ["a missing parameter", () => spi({ action: "renewInstance", instanceId: "1", orderId: "2" }), "expiredOn"],
    ["an unknown action", () => spi({ action: "deleteEverything" }), "unknown action"],
    ["a malformed date", () => spi({ ...order().create, expiredOn: "2026-02-30 00:00:00" }), "expiredOn"],
    ["an unknown SKU", () => spi({ ...order().create, skuId: "free-forever" }), "unknown skuId"],
    ["orderBizId 0", () => spi({ ...order().create, orderBizId: "0" }), "orderBizId"],
    ["action=constructor", () => spi({ action: "constructor" }), "unknown action"],
    ["action=__proto__", () => spi({ action: "__proto__" }), "unknown action"],
    ["action=toString", () => spi({ action: "toString" }), "unknown action"],
    ["action=hasOwnProperty", () => spi({ action: "hasOwnProperty", instanceId: "1" }), "unknown action"],
    ["skuId=constructor", () => spi({ ...order().create, skuId: "constructor" }), "unknown skuId"],
    ["a NUL in a value", () => spi({ ...order().create, orderId: "o-\u0000" }), "NUL"],
    ["a NUL in a parameter name", () => spi({ ...order().create, "Count\u0000": "1" }), "NUL"],
  ])("%s", async (_name, call, words) => {
    const before = await h.db.platformDb.tenant.count();
    const r = await call();
    expect(r).toMatchObject({ kind: "json", status: 200, body: { success: false, message: expect.stringContaining(words) } });
    expect(await h.db.platformDb.tenant.count()).toBe(before);
  });

  it("a repeated parameter", async () => {
    const o = order();
    const q = new URLSearchParams(Object.entries(o.create));
    q.append("aliUid", "other");
    q.set("token", spiToken(new Map(Object.entries(o.create)), secret));
    expect(await handleAliyunSpi(deps, q.toString())).toMatchObject({
      body: { success: false, message: expect.stringContaining("repeated") },
    });
  });
});

describe("free login (verify)", () => {
  it("a fresh link signs the instance's buyer in", async () => {
    const o = order();
    await spi(o.create);
    expect(await spi({ action: "verify", instanceId: o.orderBizId, timeStamp: shanghai(0) })).toEqual({ kind: "login", aliUid: o.aliUid });
  });

  it("refuses a link replayed after 300 s, a forged one, and one for an instance that does not exist", async () => {
    const o = order();
    await spi(o.create);
    const stale = await spi({ action: "verify", instanceId: o.orderBizId, timeStamp: shanghai(-301 / 86_400) });
    expect(stale).toEqual({ kind: "page", status: 403, reason: "stale" });
    const forged = await spi({ action: "verify", instanceId: o.orderBizId, timeStamp: shanghai(0) }, { secret: "guessed-secret-000000" });
    expect(forged).toEqual({ kind: "page", status: 403, reason: "invalid" });
    const other = await spi({ action: "verify", instanceId: "no-such-instance", timeStamp: shanghai(0) });
    expect(other).toEqual({ kind: "page", status: 404, reason: "unknown" });
  });
});
