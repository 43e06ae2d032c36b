import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveEmulator } from "../../../test/serve-emulator";
import { createMarketApi } from "../../marketplace/aliyun/market-api";
import { createMarketEmulator } from "./aliyun-market";

const keys = new Map([["sandbox-ak", "sandbox-secret-0123456789"]]);
let skew = 0;
const emulator = createMarketEmulator(keys, () => Date.now() + skew);
let server: Awaited<ReturnType<typeof serveEmulator>>;
let endpoint: string;

beforeAll(async () => {
  server = await serveEmulator((req) => emulator.handle(req.method, req.query));
  endpoint = server.endpoint;
  emulator.instances.set("inst-1", {
    status: "OPENED",
    isTrial: false,
    beganOn: Date.now(),
    endOn: Date.parse("2027-01-01T00:00:00Z"),
    sku: "skyport-standard",
  });
});
afterAll(() => server.close());

describe("the Market OpenAPI emulator", () => {
  it("answers the real @alicloud/pop-core SDK's signed requests", async () => {
    const api = createMarketApi({ endpoint, accessKeyId: "sandbox-ak", accessKeySecret: "sandbox-secret-0123456789" });
    expect(await api.describeInstance("inst-1")).toEqual({
      status: "OPENED",
      endOn: new Date("2027-01-01T00:00:00Z"),
      sku: "skyport-standard",
      isTrial: false,
    });
  });

  it("refuses a wrong secret", async () => {
    const api = createMarketApi({ endpoint, accessKeyId: "sandbox-ak", accessKeySecret: "guessed-secret-000000000" });
    await expect(api.describeInstance("inst-1")).rejects.toMatchObject({ code: "SignatureDoesNotMatch" });
  });

  it("refuses a request sent again with the same SignatureNonce", async () => {
    const api = createMarketApi({ endpoint, accessKeyId: "sandbox-ak", accessKeySecret: "sandbox-secret-0123456789" });
    await api.describeInstance("inst-1");
    const replay = await fetch(endpoint + server.seen.at(-1));
    expect(await replay.json()).toMatchObject({ Code: "SignatureNonceUsed" });
  });

  it("refuses a stale Timestamp", async () => {
    skew = 20 * 60_000;
    try {
      const api = createMarketApi({ endpoint, accessKeyId: "sandbox-ak", accessKeySecret: "sandbox-secret-0123456789" });
      await expect(api.describeInstance("inst-1")).rejects.toMatchObject({ code: "InvalidTimeStamp.Expired" });
    } finally {
      skew = 0;
    }
  });

  it("pages parked notifications and forgets a confirmed one", async () => {
    emulator.parked.push({ id: "n-1", action: "orderPay", params: { requestId: "r-1" } });
    const api = createMarketApi({ endpoint, accessKeyId: "sandbox-ak", accessKeySecret: "sandbox-secret-0123456789" });
    expect(await api.describeFailedNotifications(1, 10)).toEqual({
      total: 1,
      notifications: [{ id: "n-1", action: "orderPay", params: { requestId: "r-1" } }],
    });
    await api.confirmNotification("n-1");
    expect((await api.describeFailedNotifications(1, 10)).total).toBe(0);
  });
});
