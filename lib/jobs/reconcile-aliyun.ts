import { formatShanghaiTime, type MarketApi, type MarketInstanceState, receiveSpiCall, type SpiDeps } from "../marketplace";

/** What reconciling with the Alibaba marketplace is handed: the SPI's dependencies and the Market OpenAPI. */
export type ReconcileAliyunDeps = SpiDeps & { market: MarketApi };

export type ReconcileReport = { notifications: number; corrected: string[]; failed: string[] };

/**
 * Converges local state on the marketplace's truth:
 * 1. payment messages the marketplace gave up delivering (parked after its
 *    retries) are taken through the inbox like any SPI call, then confirmed;
 * 2. each live Alibaba instance is compared with DescribeInstance, and a
 *    missed expiry, release or renewal is applied through the inbox.
 * One instance failing does not stop the others; failures are reported.
 */
export async function reconcileAliyun(deps: ReconcileAliyunDeps): Promise<ReconcileReport> {
  const report: ReconcileReport = { notifications: 0, corrected: [], failed: [] };

  for (let guard = 0; guard < 100; guard++) {
    const { notifications } = await deps.market.describeFailedNotifications(1, 50);
    if (notifications.length === 0) break;
    for (const n of notifications) {
      if (n.action === "orderPay") await receiveSpiCall(deps, "orderPay", n.params);
      await deps.market.confirmNotification(n.id);
      report.notifications++;
    }
  }

  const checked = await reconcileAliyunInstances(deps);
  return { ...report, corrected: checked.corrected, failed: checked.failed };
}

/**
 * Step 2 alone: each live Alibaba instance (of one tenant, or of all)
 * compared with DescribeInstance, a missed call applied through the inbox.
 */
export async function reconcileAliyunInstances(
  deps: ReconcileAliyunDeps,
  tenantId?: string,
): Promise<Pick<ReconcileReport, "corrected" | "failed">> {
  const report: Pick<ReconcileReport, "corrected" | "failed"> = { corrected: [], failed: [] };
  const live = await deps.platformDb.subscription.findMany({
    where: { instanceId: { not: null }, status: { not: "cancelled" }, tenant: { channel: "aliyun", ...(tenantId && { id: tenantId }) } },
    select: { instanceId: true, status: true, expiresAt: true },
  });
  for (const sub of live) {
    const instanceId = sub.instanceId as string;
    try {
      const call = missedCall(instanceId, sub, await deps.market.describeInstance(instanceId));
      if (!call) continue;
      const result = await receiveSpiCall(deps, call.action, call.params);
      if (result.status === 200) report.corrected.push(`${instanceId}:${call.action}`);
      else report.failed.push(`${instanceId}:${call.action}`);
    } catch (err) {
      report.failed.push(`${instanceId}:${(err as { code?: string }).code ?? "error"}`);
    }
  }
  return report;
}

type Local = { status: string; expiresAt: Date | null };
type MissedCall = { action: string; params: Record<string, string> };

/** The SPI call the marketplace's state implies we missed, if any. */
function missedCall(instanceId: string, local: Local, truth: MarketInstanceState): MissedCall | undefined {
  if (truth.status === "CLOSED") return { action: "releaseInstance", params: { instanceId, isRefund: "false" } };
  if (truth.status === "EXPIRED" && local.status === "active") return { action: "expiredInstance", params: { instanceId } };
  const later = truth.endOn && (!local.expiresAt || truth.endOn.getTime() - local.expiresAt.getTime() >= 1000);
  if (truth.status === "OPENED" && truth.endOn && later)
    return {
      action: "renewInstance",
      params: { instanceId, orderId: `reconcile-${instanceId}-${truth.endOn.getTime()}`, expiredOn: formatShanghaiTime(truth.endOn) },
    };
  return undefined;
}
