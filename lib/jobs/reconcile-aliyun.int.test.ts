import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serveEmulator } from "../../test/serve-emulator";
import { createDatabase, type Database } from "../db";
import { createMarketApi, formatShanghaiTime, receiveSpiCall, type SpiDeps } from "../marketplace";
import { createMarketEmulator } from "../sandbox/emulators/aliyun-market";
import { reconcileAliyun } from "./reconcile-aliyun";

const emulator = createMarketEmulator(new Map([["ak", "reconcile-secret-0123456789"]]));
let server: Awaited<ReturnType<typeof serveEmulator>>;
let db: Database;
let deps: SpiDeps & { market: ReturnType<typeof createMarketApi> };

beforeAll(async () => {
  server = await serveEmulator((req) => emulator.handle(req.method, req.query));
  db = createDatabase(inject("dbUrls"), 4);
  const endpoint = server.endpoint;
  deps = {
    platformDb: db.platformDb,
    secret: "unused-here-0000000000",
    publicUrl: "https://skyport.example",
    roleName: "AliyunSkyportRole",
    now: () => new Date(),
    market: createMarketApi({ endpoint, accessKeyId: "ak", accessKeySecret: "reconcile-secret-0123456789" }),
  };
});
afterAll(async () => {
  await server.close();
  await db.close();
});

async function bought() {
  const aliUid = `rec-${randomUUID().slice(0, 8)}`;
  const instanceId = `${Math.floor(Math.random() * 1e12)}`;
  const expiredOn = formatShanghaiTime(new Date(Date.now() + 30 * 86_400_000));
  await receiveSpiCall(deps, "createInstance", {
    aliUid,
    orderBizId: instanceId,
    orderId: `o${instanceId}`,
    productCode: "p",
    skuId: "skyport-standard",
    trial: "false",
    expiredOn,
  });
  emulator.instances.set(instanceId, {
    status: "OPENED",
    isTrial: false,
    beganOn: Date.now(),
    endOn: Date.parse(`${expiredOn.replace(" ", "T")}+08:00`),
    sku: "skyport-standard",
  });
  return { aliUid, instanceId };
}
const tenantOf = (aliUid: string) =>
  db.platformDb.tenant.findUniqueOrThrow({
    where: { channel_externalId: { channel: "aliyun", externalId: aliUid } },
    include: { subscriptions: true },
  });

describe("reconciling with the Market OpenAPI", () => {
  it("applies what was missed (expiry, renewal, release), leaves what agrees, and picks up parked payments", async () => {
    const agrees = await bought();
    const expired = await bought();
    const renewed = await bought();
    const released = await bought();
    emulator.instances.get(expired.instanceId)!.status = "EXPIRED";
    const later = Date.parse("2028-06-01T00:00:00Z");
    emulator.instances.get(renewed.instanceId)!.endOn = later;
    emulator.instances.get(released.instanceId)!.status = "CLOSED";
    emulator.parked.push({
      id: `n-${agrees.instanceId}`,
      action: "orderPay",
      params: {
        requestId: `req-${agrees.instanceId}`,
        aliUid: agrees.aliUid,
        orderBizId: agrees.instanceId,
        orderId: "x",
        productCode: "p",
        skuId: "skyport-standard",
      },
    });

    const report = await reconcileAliyun(deps);

    expect(report.corrected).toEqual(
      expect.arrayContaining([
        `${expired.instanceId}:expiredInstance`,
        `${renewed.instanceId}:renewInstance`,
        `${released.instanceId}:releaseInstance`,
      ]),
    );
    expect(report.corrected.some((c) => c.startsWith(agrees.instanceId))).toBe(false);
    expect((await tenantOf(agrees.aliUid)).status).toBe("active");
    expect((await tenantOf(expired.aliUid)).status).toBe("frozen");
    expect((await tenantOf(renewed.aliUid)).subscriptions[0]?.expiresAt?.getTime()).toBe(later);
    expect((await tenantOf(released.aliUid)).status).toBe("closed");
    expect(report.notifications).toBeGreaterThanOrEqual(1);
    expect(emulator.parked).toHaveLength(0);
    expect(
      await db.platformDb.marketplaceInbox.count({ where: { idempotencyKey: `orderPay:req-${agrees.instanceId}`, status: "applied" } }),
    ).toBe(1);
  });

  it("is idempotent: a second run corrects nothing more", async () => {
    const mine = await bought();
    emulator.instances.get(mine.instanceId)!.status = "EXPIRED";
    await reconcileAliyun(deps);
    const second = await reconcileAliyun(deps);
    expect(second.corrected.filter((c) => c.startsWith(mine.instanceId))).toEqual([]);
  });

  it("reports an instance the marketplace does not know, and carries on", async () => {
    const unknown = await bought();
    emulator.instances.delete(unknown.instanceId);
    const report = await reconcileAliyun(deps);
    expect(report.failed).toContain(`${unknown.instanceId}:InstanceNotFound`);
    expect((await tenantOf(unknown.aliUid)).status).toBe("active");
  });
});
