import { z } from "zod";
import { anyRole, tenantNotFound } from "../gateway";
import { defineAction } from "./services";

type Row = {
  id: string;
  name: string;
  contactEmail: string | null;
  channel: string;
  status: string;
  plan: string | null;
  sku: string | null;
  trial: boolean | null;
  subscriptionStatus: string | null;
  expiresAt: Date | null;
};

export const describeTenant = defineAction({
  name: "DescribeTenant",
  params: z.strictObject({}),
  roles: anyRole,
  mutates: false,
  async handler({ tx, tenantId, caller }) {
    const [t] = await tx.query<Row>`
      SELECT t.id, t.display_name AS name, t.contact_email AS "contactEmail", t.channel, t.status,
             s.plan, s.sku, s.trial, s.status AS "subscriptionStatus", s.expires_at AS "expiresAt"
      FROM tenants t
      LEFT JOIN LATERAL (
        SELECT plan, sku, trial, status, expires_at FROM subscriptions
        WHERE tenant_id = t.id ORDER BY starts_at DESC LIMIT 1
      ) s ON true
      WHERE t.id = ${tenantId}`;
    // purged since the gateway found its id (released long ago): as if never bought
    if (!t) throw tenantNotFound(caller.channel);
    return { ...t, trial: t.trial ?? false, expiresAt: t.expiresAt?.toISOString() ?? null };
  },
});
