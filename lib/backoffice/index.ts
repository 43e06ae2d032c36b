import { runtime } from "../runtime";

// What /admin and /ops read, through the SELECT-only role (`opsDb`), and the
// few deliberate staff actions, through the platform role with an audit entry.
// Every function is handed its client, so the tests run them against their own.

export { listTenantViews, recordTenantView, type StaffMember, type TenantView } from "./access-audit";
export {
  type ActionHealth,
  type OfflineAgents,
  type ParkedNotification,
  type QueueCounts,
  readHealth,
} from "./health";
export { maskAddress, maskEmail, maskPhone } from "./mask";
export { type Overview, type OverviewPeriod, overviewQuery, readOverview } from "./overview";
export {
  reconcileTenantWithMarketplace,
  recordRefusedAttempt,
  retryMeteringRecord,
  reverifyTenantRole,
  type StaffActionResult,
  setTenantSuspended,
  staffReason,
} from "./staff-actions";
export { readStaff } from "./staff-list";
export { csvField, tenantCsv } from "./tenant-csv";
export { findTenantId, type TenantSummary, tenantDetail, tenantSummary, type UsageDay } from "./tenant-detail";
export {
  encodeCursor,
  listTenantPage,
  maxPageSize,
  type TenantListQuery,
  type TenantListRow,
  tenantListQuery,
  tenantSorts,
} from "./tenant-list";
export {
  type TimelineEntry,
  type TimelineKind,
  tenantTimeline,
  timelineKinds,
  timelineQuery,
} from "./tenant-timeline";
export { searchTraces, type TraceQuery, type TraceRow, traceQuery } from "./trace-search";

/** One account's tenant and subscriptions, for the sandbox's "resulting state". */
export function tenantState(channel: "aliyun" | "aws" | "direct", externalId: string) {
  return runtime().db.opsDb.tenant.findUnique({
    where: { channel_externalId: { channel, externalId } },
    select: {
      id: true,
      status: true,
      closedAt: true,
      subscriptions: { select: { instanceId: true, plan: true, sku: true, trial: true, status: true, expiresAt: true } },
      cloudAccess: { select: { provider: true, roleArn: true, externalId: true, status: true } },
    },
  });
}

/** The account that holds an Alibaba instance, if any: the sandbox sells an instance id once. */
export async function instanceHolder(instanceId: string): Promise<string | null> {
  const sub = await runtime().db.opsDb.subscription.findFirst({
    where: { instanceId, tenant: { channel: "aliyun" } },
    select: { tenant: { select: { externalId: true } } },
  });
  return sub?.tenant.externalId ?? null;
}
