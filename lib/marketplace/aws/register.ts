import { type PrismaClient, platformTransaction } from "../../db";
import { applyPending } from "../inbox";
import { ensureOwner, ensureTenant, recordOrder, refreshTenantStatus } from "../tenant-state";
import { type AwsDeps, applyAwsEvent, customerKey, planFromEntitlements } from "./lifecycle";

export type RegisterResult =
  | { kind: "login"; accountId: string }
  | { kind: "page"; status: number; reason: "invalid" | "expired" | "product" };

/**
 * The fulfillment URL: resolves the buyer's registration token, creates or
 * finds the tenant (aws, CustomerAWSAccountId), records the license and the
 * plan its entitlements buy, applies notifications that arrived before the
 * buyer did, and signs the buyer in.
 */
export async function registerAwsBuyer(deps: AwsDeps & { platformDb: PrismaClient }, token: string): Promise<RegisterResult> {
  if (!token || token.length > 4096) return { kind: "page", status: 400, reason: "invalid" };
  let customer: Awaited<ReturnType<AwsDeps["api"]["resolveCustomer"]>>;
  try {
    customer = await deps.api.resolveCustomer(token);
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === "InvalidTokenException") return { kind: "page", status: 400, reason: "invalid" };
    if (name === "ExpiredTokenException") return { kind: "page", status: 400, reason: "expired" };
    throw err;
  }
  if (customer.productCode !== deps.productCode) return { kind: "page", status: 400, reason: "product" };
  // read once, before the transaction: for this registration and for notifications parked until it
  const entitlements = await deps.api.getEntitlements(customer.productCode, customer.accountId);
  const { plan, sku, expiresAt } = planFromEntitlements(entitlements);
  const instanceId = customer.licenseArn ?? `customer:${customer.customerIdentifier ?? customer.accountId}`;
  const now = deps.now();

  await platformTransaction(deps.platformDb, async (tx) => {
    const tenant = await ensureTenant(tx, "aws", customer.accountId, `AWS ${customer.accountId}`);
    await ensureOwner(tx, tenant.id, customer.accountId, "AWS account");
    const existing = await tx.subscription.findUnique({ where: { tenantId_instanceId: { tenantId: tenant.id, instanceId } } });
    const sub = existing
      ? await tx.subscription.update({
          where: { tenantId_id: { tenantId: tenant.id, id: existing.id } },
          data: { plan: plan.id, sku, expiresAt },
        })
      : await tx.subscription.create({
          data: {
            tenantId: tenant.id,
            instanceId,
            customerRef: customer.customerIdentifier,
            plan: plan.id,
            sku,
            startsAt: now,
            expiresAt,
          },
        });
    // registered again (a new LicenseArn is a new row): kept in the history when it names another plan
    if (!existing || existing.sku !== sku) await recordOrder(tx, sub, "register", { sku, expiresAt });
    for (const key of [
      customerKey({ accountId: customer.accountId }),
      customerKey({ customerIdentifier: customer.customerIdentifier ?? undefined }),
    ])
      await applyPending(tx, "aws", key, (row) =>
        applyAwsEvent(
          tx,
          now,
          row.action,
          { accountId: row.params.accountId, customerIdentifier: row.params.customerIdentifier },
          entitlements,
        ),
      );
    await refreshTenantStatus(tx, tenant.id, now);
  });
  return { kind: "login", accountId: customer.accountId };
}
