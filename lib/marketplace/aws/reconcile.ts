import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../db";
import { receiveOnce } from "../inbox";
import { type AwsDeps, applyAwsEvent, customerKey, planFromEntitlements } from "./lifecycle";

export type AwsReconcileReport = { corrected: string[]; failed: string[] };

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * One AWS buyer's live subscription compared with GetEntitlements now (read
 * with no transaction open): a plan, dimension or term that differs is what a
 * missed `entitlement-updated` notification would have changed, and it is
 * applied the same way, through the inbox. AWS offers no list of the
 * notifications it sent, so this is the whole of reconciling with it.
 */
export async function reconcileAwsAccount(deps: AwsDeps & { platformDb: PrismaClient }, accountId: string): Promise<AwsReconcileReport> {
  const sub = await deps.platformDb.subscription.findFirst({
    where: { tenant: { channel: "aws", externalId: accountId } },
    orderBy: { startsAt: "desc" },
    select: { plan: true, sku: true, expiresAt: true, status: true },
  });
  if (!sub || sub.status === "cancelled") return { corrected: [], failed: [] };
  let entitlements: Awaited<ReturnType<AwsDeps["api"]["getEntitlements"]>>;
  try {
    entitlements = await deps.api.getEntitlements(deps.productCode, accountId);
  } catch (err) {
    return { corrected: [], failed: [`${accountId}:${(err as { name?: string }).name ?? "error"}`] };
  }
  const want = planFromEntitlements(entitlements);
  if (sub.plan === want.plan.id && sub.sku === want.sku && sameTime(sub.expiresAt, want.expiresAt)) return { corrected: [], failed: [] };
  const action = "entitlement-updated";
  const who = { accountId };
  await receiveOnce(
    deps.platformDb,
    { channel: "aws", key: `reconcile:${randomUUID()}`, action, instanceId: customerKey(who), params: { action, accountId } },
    (tx) => applyAwsEvent(tx, deps.now(), action, who, entitlements),
  );
  return { corrected: [`${accountId}:${action}`], failed: [] };
}
