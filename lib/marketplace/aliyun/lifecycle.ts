import { planForSku } from "../../billing";
import { aliyunRoleArn, newExternalId } from "../../cloud";
import type { Prisma } from "../../db";
import { NotReadyYet } from "../inbox";
import { ensureOwner, ensureTenant, recordOrder as record, refreshTenantStatus } from "../tenant-state";
import { parseShanghaiTime } from "./shanghai-time";

type Tx = Prisma.TransactionClient;
export type Params = Record<string, string>;

/** The answers the SPI gives: success, or a business refusal the marketplace must not retry. */
export type SpiAnswer =
  | { success: true; [k: string]: unknown }
  | { success: false; message: string }
  | { instanceId: string; appInfo: object; info: object };

const refuse = (message: string): SpiAnswer => ({ success: false, message });

export type LifecycleDeps = { publicUrl: string; now: () => Date /** the RAM role the listing provisions at purchase */; roleName: string };

/**
 * Applies one SPI call to the tenant's state, idempotently: applying a stored
 * call again changes nothing more. Called inside the inbox row's transaction.
 */
export async function applySpiCall(tx: Tx, action: string, p: Params, deps: LifecycleDeps): Promise<SpiAnswer> {
  switch (action) {
    case "createInstance":
      return createInstance(tx, p, deps);
    case "renewInstance":
      return withInstance(tx, p, async (sub) => {
        const expiresAt = parseShanghaiTime(p.expiredOn ?? "");
        if (!expiresAt) return refuse("expiredOn must be yyyy-MM-dd HH:mm:ss");
        await tx.subscription.update({ where: key(sub), data: { expiresAt, status: "active" } });
        await record(tx, sub, "renewInstance", { orderId: p.orderId, expiresAt });
        await refreshTenantStatus(tx, sub.tenantId, deps.now());
        return { success: true };
      });
    case "upgradeInstance":
      return withInstance(tx, p, async (sub) => {
        const plan = planForSku("aliyun", p.skuId ?? "");
        if (!plan) return refuse(`unknown skuId ${p.skuId}`);
        await tx.subscription.update({ where: key(sub), data: { plan: plan.id, sku: p.skuId as string } });
        await record(tx, sub, "upgradeInstance", { orderId: p.orderId, sku: p.skuId });
        return { success: true };
      });
    case "expiredInstance":
      return withInstance(tx, p, async (sub) => {
        await tx.subscription.update({ where: key(sub), data: { status: "expired" } });
        await record(tx, sub, "expiredInstance", {});
        await refreshTenantStatus(tx, sub.tenantId, deps.now());
        return { success: true };
      });
    case "releaseInstance":
      return withInstance(
        tx,
        p,
        async (sub) => {
          await tx.subscription.update({ where: key(sub), data: { status: "cancelled" } });
          await record(tx, sub, "releaseInstance", { orderId: p.orderId });
          await refreshTenantStatus(tx, sub.tenantId, deps.now());
          return { success: true };
        },
        { evenIfReleased: true },
      );
    case "refundRenewInstance":
      return withInstance(tx, p, async (sub) => {
        const expiresAt = parseShanghaiTime(p.expiredOn ?? "");
        if (!expiresAt) return refuse("expiredOn must be yyyy-MM-dd HH:mm:ss");
        const status = expiresAt.getTime() > deps.now().getTime() ? "active" : "expired";
        await tx.subscription.update({ where: key(sub), data: { expiresAt, status } });
        await record(tx, sub, "refundRenewInstance", { expiresAt });
        await refreshTenantStatus(tx, sub.tenantId, deps.now());
        return { success: true };
      });
    case "orderPay":
      // a payment message: recorded in the inbox (deduped by requestId); the order's
      // effect arrives through createInstance/renewInstance
      return { success: true };
    default:
      return refuse(`unknown action ${action}`);
  }
}

async function createInstance(tx: Tx, p: Params, deps: LifecycleDeps): Promise<SpiAnswer> {
  const aliUid = p.aliUid as string;
  const instanceId = p.orderBizId as string;
  const plan = planForSku("aliyun", p.skuId as string);
  if (!plan) return refuse(`unknown skuId ${p.skuId}`);
  const expiresAt = p.expiredOn ? parseShanghaiTime(p.expiredOn) : null;
  if (expiresAt === undefined) return refuse("expiredOn must be yyyy-MM-dd HH:mm:ss");
  const now = deps.now();
  const tenant = await ensureTenant(tx, "aliyun", aliUid, `Alibaba Cloud ${aliUid}`);
  await ensureOwner(tx, tenant.id, aliUid, "Main account");
  const sub = await tx.subscription.upsert({
    where: { tenantId_instanceId: { tenantId: tenant.id, instanceId } },
    create: {
      tenantId: tenant.id,
      instanceId,
      plan: plan.id,
      sku: p.skuId as string,
      trial: p.trial === "true",
      startsAt: now,
      expiresAt,
    },
    update: {},
  });
  await record(tx, sub, "createInstance", { orderId: p.orderId, sku: p.skuId, expiresAt });
  await expectProvisionedRole(tx, tenant.id, aliyunRoleArn(aliUid, deps.roleName));
  await refreshTenantStatus(tx, tenant.id, now);
  return {
    instanceId,
    appInfo: {
      frontEndUrl: `${deps.publicUrl}/console`,
      adminUrl: `${deps.publicUrl}/console`,
      authUrl: `${deps.publicUrl}/api/marketplace/aliyun`,
    },
    info: { plan: plan.id, maxHosts: plan.maxHosts },
  };
}

type Sub = { tenantId: string; id: string; instanceId: string | null };
const key = (s: Sub) => ({ tenantId_id: { tenantId: s.tenantId, id: s.id } });

async function withInstance(tx: Tx, p: Params, fn: (sub: Sub) => Promise<SpiAnswer>, opts: { evenIfReleased?: boolean } = {}) {
  const sub = await tx.subscription.findFirst({
    where: { instanceId: p.instanceId as string, tenant: { channel: "aliyun" } },
    include: { tenant: { select: { status: true } } },
  });
  if (!sub) throw new NotReadyYet(); // its createInstance is still on the way
  if (sub.status === "cancelled" && !opts.evenIfReleased) return refuse("the instance was released");
  return fn(sub);
}

/**
 * The listing's role template creates this role at purchase: record it as
 * pending, to be verified (a role bound earlier is left as it is).
 */
async function expectProvisionedRole(tx: Tx, tenantId: string, roleArn: string) {
  const existing = await tx.cloudAccess.findUnique({ where: { tenantId_provider: { tenantId, provider: "aliyun" } } });
  if (existing?.roleArn) return;
  const externalId = existing?.externalId ?? newExternalId();
  if (!existing) await tx.cloudExternalId.create({ data: { externalId } });
  await tx.cloudAccess.upsert({
    where: { tenantId_provider: { tenantId, provider: "aliyun" } },
    create: { tenantId, provider: "aliyun", roleArn, externalId },
    update: { roleArn, status: "pending" },
  });
}
