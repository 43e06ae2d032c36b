import { z } from "zod";
import { anyRole } from "../gateway";
import { isInstant, pageOf, pageTokenParam } from "./page-token";
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

/** What the marketplace did to the tenant's instances, newest first, a page at a time. */
export const listOrders = defineAction({
  name: "ListOrders",
  params: z.strictObject({
    pageSize: z.number().int().min(1).max(100).default(20),
    /** the nextToken of the previous page */
    nextToken: pageTokenParam(isInstant),
  }),
  roles: anyRole,
  mutates: false,
  async handler({ tx, tenantId }, p) {
    const after = p.nextToken ?? { key: null, id: null };
    const rows = await tx.query<OrderRow>`
      SELECT id, at, instance_id AS "instanceId", action, order_id AS "orderId", sku, expires_at AS "expiresAt"
      FROM marketplace_orders
      WHERE tenant_id = ${tenantId}
        AND (${after.key}::timestamptz IS NULL OR (at, id) < (${after.key}::timestamptz, ${after.id}::uuid))
      ORDER BY at DESC, id DESC
      LIMIT ${p.pageSize + 1}`;
    const { page, nextToken } = pageOf(rows, p.pageSize, (o) => ({ key: o.at.toISOString(), id: o.id }));
    return { orders: page.map((o) => ({ ...o, at: o.at.toISOString(), expiresAt: o.expiresAt?.toISOString() ?? null })), nextToken };
  },
});
