import { createRegistry } from "../gateway";
import { bindCloudRole } from "./bind-cloud-role";
import { completeCloudAuthorization } from "./complete-cloud-authorization";
import { createCloudAccessLink } from "./create-cloud-access-link";
import { describeCaller } from "./describe-caller";
import { describeCloudAccess } from "./describe-cloud-access";
import { describeCloudPolicies } from "./describe-cloud-policies";
import { describeTenant } from "./describe-tenant";
import { exportTenantData } from "./export-tenant-data";
import { listAuditEvents } from "./list-audit-events";
import { listOrders } from "./list-orders";
import type { ActionServices } from "./services";
import { unbindCloudRole } from "./unbind-cloud-role";
import { updateTenantProfile } from "./update-tenant-profile";
import { verifyCloudAccess } from "./verify-cloud-access";

/** Every action of the product: adding one is a file and a line here. */
export const registry = createRegistry<ActionServices>([
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
