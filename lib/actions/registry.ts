import { createRegistry } from "../gateway";
import { bindCloudRole } from "./bind-cloud-role";
import { completeCloudAuthorization } from "./complete-cloud-authorization";
import { createAgentDownload } from "./create-agent-download";
import { createAgentTask } from "./create-agent-task";
import { createCloudAccessLink } from "./create-cloud-access-link";
import { createStripeCheckout } from "./create-stripe-checkout";
import { createStripePortal } from "./create-stripe-portal";
import { describeAgent } from "./describe-agent";
import { describeAgentEnrolments } from "./describe-agent-enrolments";
import { describeAgentTasks } from "./describe-agent-tasks";
import { describeAgents } from "./describe-agents";
import { describeCaller } from "./describe-caller";
import { describeCloudAccess } from "./describe-cloud-access";
import { describeCloudPolicies } from "./describe-cloud-policies";
import { describeDirectBilling } from "./describe-direct-billing";
import { describeMetering } from "./describe-metering";
import { describeSizingRecommendations } from "./describe-sizing-recommendations";
import { describeTenant } from "./describe-tenant";
import { describeUsage } from "./describe-usage";
import { exportTenantData } from "./export-tenant-data";
import { listAgentDownloads } from "./list-agent-downloads";
import { listAuditEvents } from "./list-audit-events";
import { listOrders } from "./list-orders";
import { revokeAgent } from "./revoke-agent";
import { revokeAgentDownload } from "./revoke-agent-download";
import type { ActionServices } from "./services";
import { unbindCloudRole } from "./unbind-cloud-role";
import { updateTenantProfile } from "./update-tenant-profile";
import { verifyCloudAccess } from "./verify-cloud-access";

/** Every action of the product: adding one is a file, and its import and entry here (DEVELOPERS.md, "Adding an action"). */
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
  createAgentDownload,
  listAgentDownloads,
  revokeAgentDownload,
  describeAgents,
  describeAgent,
  describeAgentTasks,
  createAgentTask,
  revokeAgent,
  describeSizingRecommendations,
  describeUsage,
  describeMetering,
  describeAgentEnrolments,
  describeDirectBilling,
  createStripeCheckout,
  createStripePortal,
]);
