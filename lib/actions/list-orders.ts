import { z } from "zod";
import { anyRole } from "../gateway";
import { defineAction } from "./services";

type OrderRow = {
  id: string;
  at: Date;
  instanceId: string;
  action: string;
  orderId: string | null;
  sku: string | null;
  expiresAt: Date | null;
};

/** What the marketplace did to the tenant's instances, newest first. */
export const listOrders = defineAction({
  name: "ListOrders",
  params: z.strictObject({ pageSize: z.number().int().min(1).max(100).default(20) }),
  roles: anyRole,
  mutates: false,
  async handler({ tx, tenantId }, { pageSize }) {
    const rows = await tx.query<OrderRow>`
      SELECT id, at, instance_id AS "instanceId", action, order_id AS "orderId", sku, expires_at AS "expiresAt"
      FROM marketplace_orders WHERE tenant_id = ${tenantId}
      ORDER BY at DESC, id DESC LIMIT ${pageSize}`;
    return { orders: rows.map((o) => ({ ...o, at: o.at.toISOString(), expiresAt: o.expiresAt?.toISOString() ?? null })) };
  },
});
