import {
  bindCloudRole,
  completeCloudAuthorization,
  createCloudAccessLink,
  describeCloudAccess,
  describeCloudPolicies,
  unbindCloudRole,
  verifyCloudAccess,
} from "./cloud-access";
import type { Action } from "./define-action";
import { describeCaller } from "./describe-caller";
import { describeTenant } from "./describe-tenant";
import { exportTenantData } from "./export-tenant-data";
import { listAuditEvents } from "./list-audit-events";
import { listOrders } from "./list-orders";
import { updateTenantProfile } from "./update-tenant-profile";

export type ActionRegistry = ReadonlyMap<string, Action>;

export function createRegistry(actions: readonly Action[]): ActionRegistry {
  return new Map(actions.map((a) => [a.name, a]));
}

/** Every action of the product: adding one is a file and a line here. */
export const registry = createRegistry([
  describeTenant,
  describeCaller,
  updateTenantProfile,
  listAuditEvents,
  listOrders,
  exportTenantData,
  describeCloudAccess,
  describeCloudPolicies,
  createCloudAccessLink,
  bindCloudRole,
  unbindCloudRole,
  verifyCloudAccess,
  completeCloudAuthorization,
]);
