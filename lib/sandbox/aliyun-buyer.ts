import { spiToken } from "../marketplace";
import type { MarketEmulator } from "./emulators/aliyun-market";
import { type Exchange, recordExchange } from "./exchange-log";

/**
 * The sandbox plays the Alibaba Cloud Marketplace: it signs SPI calls with
 * the ISV key exactly as the marketplace does and sends them over HTTP to
 * Skyport's own endpoint. Only app/sandbox and tests import this room.
 */
export type SandboxOrder = {
  op: "buy" | "renew" | "upgrade" | "expire" | "release" | "refund";
  aliUid: string;
  instanceId: string;
  skuId: string;
  trial: boolean;
  /** for buy, renew and refund: the new expiry, in days from now */
  days: number;
};

/** `yyyy-MM-dd HH:mm:ss`, Asia/Shanghai, `days` from now. */
export function shanghaiTime(days: number, now = Date.now()): string {
  return new Date(now + days * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

export function spiQuery(params: Record<string, string>, secret: string): string {
  const map = new Map(Object.entries(params));
  map.set("token", spiToken(map, secret));
  return new URLSearchParams([...map]).toString();
}

function spiParams(o: SandboxOrder): Record<string, string> {
  const serial = `${Date.now()}`;
  switch (o.op) {
    case "buy":
      return {
        action: "createInstance",
        aliUid: o.aliUid,
        orderBizId: o.instanceId,
        orderId: `sandbox-${serial}`,
        productCode: "cmapi-sandbox",
        skuId: o.skuId,
        trial: String(o.trial),
        expiredOn: shanghaiTime(o.days),
      };
    case "renew":
      return { action: "renewInstance", instanceId: o.instanceId, orderId: `sandbox-${serial}`, expiredOn: shanghaiTime(o.days) };
    case "upgrade":
      return { action: "upgradeInstance", instanceId: o.instanceId, orderId: `sandbox-${serial}`, skuId: o.skuId };
    case "expire":
      return { action: "expiredInstance", instanceId: o.instanceId };
    case "release":
      return { action: "releaseInstance", instanceId: o.instanceId, isRefund: "false" };
    case "refund":
      return { action: "refundRenewInstance", instanceId: o.instanceId, expiredOn: shanghaiTime(o.days) };
  }
}

/**
 * Sends the order's SPI call to `origin`, remembers the exchange for the
 * page, and records the sale in the Market OpenAPI emulator: the sandbox is
 * the marketplace, so what it sold is what DescribeInstance reports.
 */
export async function sendOrder(origin: string, secret: string, o: SandboxOrder, market: MarketEmulator): Promise<Exchange> {
  const path = `/api/marketplace/aliyun?${spiQuery(spiParams(o), secret)}`;
  recordSale(market, o);
  const res = await fetch(new URL(path, origin), { redirect: "manual" });
  const exchange = { at: new Date().toISOString(), request: `GET ${path}`, status: res.status, response: await res.text() };
  recordExchange(`aliyun:${o.instanceId}`, exchange);
  return exchange;
}

/** The free-login link the marketplace would hand the buyer now (valid 300 s). */
export function launchLink(secret: string, instanceId: string): string {
  return `/api/marketplace/aliyun?${spiQuery({ action: "verify", instanceId, timeStamp: shanghaiTime(0) }, secret)}`;
}

function recordSale(market: MarketEmulator, o: SandboxOrder) {
  const endOn = Date.now() + o.days * 86_400_000;
  const current = market.instances.get(o.instanceId);
  if (o.op === "buy") market.instances.set(o.instanceId, { status: "OPENED", isTrial: o.trial, beganOn: Date.now(), endOn, sku: o.skuId });
  if (!current) return;
  if (o.op === "renew" || o.op === "refund") Object.assign(current, { endOn, status: endOn > Date.now() ? "OPENED" : "EXPIRED" });
  if (o.op === "upgrade") current.sku = o.skuId;
  if (o.op === "expire") current.status = "EXPIRED";
  if (o.op === "release") current.status = "CLOSED";
}
