import type { describeCloudAccess, describeCloudPolicies } from "./cloud-access";
import type { ResultOf } from "./define-action";
import type { describeTenant } from "./describe-tenant";
import type { listAuditEvents } from "./list-audit-events";
import type { listOrders } from "./list-orders";

export { type Action, type ActionContext, type Caller, defineAction, type ResultOf, type Role, roles } from "./define-action";
export { type ActionRegistry, createRegistry, registry } from "./registry";

export type DescribeTenantResult = ResultOf<typeof describeTenant>;
export type ListAuditEventsResult = ResultOf<typeof listAuditEvents>;
export type ListOrdersResult = ResultOf<typeof listOrders>;
export type DescribeCloudAccessResult = ResultOf<typeof describeCloudAccess>;
export type DescribeCloudPoliciesResult = ResultOf<typeof describeCloudPolicies>;
