import { z } from "zod";
import { defineAction } from "./services";

/**
 * Everything Skyport holds for the tenant, as one JSON document: what the
 * owner takes with them after a release, before the grace period ends. A
 * read, so it works while frozen or closed.
 */
export const exportTenantData = defineAction({
  name: "ExportTenantData",
  params: z.strictObject({}),
  roles: ["owner"],
  mutates: false,
  async handler({ tx, tenantId }) {
    const [tenant] = await tx.query`
      SELECT id, channel, external_id AS "externalId", status, display_name AS "displayName",
             contact_email AS "contactEmail", created_at AS "createdAt", closed_at AS "closedAt"
      FROM tenants WHERE id = ${tenantId}`;
    const memberships = await tx.query`
      SELECT uid, role, name, created_at AS "createdAt" FROM memberships WHERE tenant_id = ${tenantId} ORDER BY created_at`;
    const subscriptions = await tx.query`
      SELECT id, instance_id AS "instanceId", plan, sku, trial, status, starts_at AS "startsAt", expires_at AS "expiresAt"
      FROM subscriptions WHERE tenant_id = ${tenantId} ORDER BY starts_at`;
    const orders = await tx.query`
      SELECT at, instance_id AS "instanceId", action, order_id AS "orderId", sku, expires_at AS "expiresAt"
      FROM marketplace_orders WHERE tenant_id = ${tenantId} ORDER BY at, id`;
    const auditEvents = await tx.query`
      SELECT at, actor_uid AS "actorUid", action, target, payload, trace_id AS "traceId"
      FROM audit_events WHERE tenant_id = ${tenantId} ORDER BY at, id`;
    return { format: "skyport-tenant-export/1", tenant, memberships, subscriptions, orders, auditEvents };
  },
});
