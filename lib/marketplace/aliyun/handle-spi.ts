import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "../../db";
import { applyPending, NotReadyYet, receiveOnce } from "../inbox";
import { applySpiCall, type LifecycleDeps, type Params, type SpiAnswer } from "./lifecycle";
import { parseShanghaiTime } from "./shanghai-time";
import { spiTokenMatches } from "./spi-token";

export type SpiDeps = LifecycleDeps & { platformDb: PrismaClient; secret: string };

/** What the route sends back: JSON for the marketplace, or a login / a page for a buyer's browser. */
export type SpiResult =
  | { kind: "json"; status: number; body: SpiAnswer | { success: false; message: string } }
  | { kind: "login"; aliUid: string }
  | { kind: "page"; status: number; reason: "invalid" | "stale" | "unknown" };

const text = z.string().min(1).max(128);
// a Map: an `action` such as "constructor" or "__proto__" must find nothing, not Object's own properties
const required = new Map<string, z.ZodType>(
  Object.entries({
    createInstance: z.object({
      aliUid: text,
      orderBizId: text.refine((v) => v !== "0"),
      orderId: text,
      productCode: text,
      skuId: text,
      trial: z.enum(["true", "false"]),
    }),
    renewInstance: z.object({ instanceId: text, orderId: text, expiredOn: text }),
    upgradeInstance: z.object({ instanceId: text, orderId: text, skuId: text }),
    expiredInstance: z.object({ instanceId: text }),
    releaseInstance: z.object({ instanceId: text, isRefund: z.enum(["true", "false"]) }),
    refundRenewInstance: z.object({ instanceId: text, expiredOn: text }),
    orderPay: z.object({ requestId: text, aliUid: text, orderBizId: text, orderId: text, productCode: text, skuId: text }),
    verify: z.object({ instanceId: text, timeStamp: text }),
  }),
);

/** The natural idempotency key of each call; state transitions without one are idempotent by nature. */
function idempotencyKey(action: string, p: Params): string {
  if (action === "createInstance") return `createInstance:${p.orderBizId}`;
  if (action === "orderPay") return `orderPay:${p.requestId}`;
  if (action === "renewInstance" || action === "upgradeInstance") return `${action}:${p.orderId}`;
  if (action === "refundRenewInstance") return `refundRenewInstance:${p.instanceId}:${p.expiredOn}`;
  return `${action}:${p.instanceId}:${randomUUID()}`; // expire/release may recur over an instance's life
}

const freshSeconds = 300;
const refuse = (message: string) => ({ kind: "json", status: 200, body: { success: false, message } }) as const;

/**
 * GET /api/marketplace/aliyun (shared/specs/aliyun-marketplace-spi.md §1).
 * Token first; then every order call lands in the inbox before it is
 * applied, once, in the inbox row's transaction. Refusals are HTTP 200
 * `{"success":false}`; a call for an instance not created yet stays parked
 * and is answered 503 so the marketplace retries (it is applied as soon as
 * the instance exists, so a renewal is never lost).
 */
export async function handleAliyunSpi(deps: SpiDeps, query: string): Promise<SpiResult> {
  const search = new URLSearchParams(query);
  const params = new Map<string, string>();
  for (const [k, v] of search) {
    if (params.has(k)) return refuse(`parameter ${k} is repeated`);
    // malformed for good: refused (no retry), never a 5xx the marketplace would retry forever
    if (k.includes("\u0000") || v.includes("\u0000")) return refuse("a parameter contains a NUL character");
    params.set(k, v);
  }
  const action = params.get("action") ?? "";
  if (!spiTokenMatches(params, deps.secret))
    return action === "verify" ? { kind: "page", status: 403, reason: "invalid" } : refuse("invalid token");
  const schema = required.get(action);
  if (!schema) return refuse(`unknown action ${action || "(none)"}`);
  const p = Object.fromEntries([...params].filter(([k]) => k !== "token")) as Params;
  const checked = schema.safeParse(p);
  if (!checked.success) {
    const names = checked.error.issues.map((i) => i.path.join(".")).join(", ");
    return action === "verify" ? { kind: "page", status: 400, reason: "invalid" } : refuse(`missing or malformed: ${names}`);
  }
  if (action === "verify") return freeLogin(deps, p);
  return receiveSpiCall(deps, action, p);
}

/**
 * A verified order call: stored in the inbox under its idempotency key, then
 * applied once in the row's transaction. Also how the reconcile job feeds in
 * what it learns from the Market OpenAPI.
 */
export async function receiveSpiCall(deps: SpiDeps, action: string, p: Params): Promise<Extract<SpiResult, { kind: "json" }>> {
  const call = {
    channel: "aliyun" as const,
    key: idempotencyKey(action, p),
    action,
    instanceId: p.instanceId ?? p.orderBizId ?? null,
    params: p,
  };
  try {
    const otherAccount = (stored: Params) =>
      action === "createInstance" && stored.aliUid !== p.aliUid ? refusal("orderBizId belongs to another account") : undefined;
    const answer = await receiveOnce(
      deps.platformDb,
      call,
      async (tx) => {
        const result = await applySpiCall(tx, action, p, deps);
        if (action === "createInstance" && !("success" in result))
          await applyPending(
            tx,
            "aliyun",
            p.orderBizId as string,
            (parked) => applySpiCall(tx, parked.action, parked.params, deps),
            "createInstance",
          );
        return result;
      },
      otherAccount,
    );
    return { kind: "json", status: 200, body: answer };
  } catch (err) {
    if (err instanceof NotReadyYet) return { kind: "json", status: 503, body: { success: false, message: "instance not ready; retry" } };
    throw err;
  }
}

const refusal = (message: string): SpiAnswer => ({ success: false, message });

/** 免登: a fresh, correctly signed link for an existing instance signs its buyer in. */
async function freeLogin(deps: SpiDeps, p: Params): Promise<SpiResult> {
  const at = parseShanghaiTime(p.timeStamp as string);
  if (!at || Math.abs(deps.now().getTime() - at.getTime()) > freshSeconds * 1000) return { kind: "page", status: 403, reason: "stale" };
  const sub = await deps.platformDb.subscription.findFirst({
    where: { instanceId: p.instanceId as string, tenant: { channel: "aliyun" } },
    select: { tenant: { select: { externalId: true } } },
  });
  if (!sub) return { kind: "page", status: 404, reason: "unknown" };
  return { kind: "login", aliUid: sub.tenant.externalId };
}
