import { z } from "zod";
import { managers } from "../gateway";
import { defineAction } from "./services";

type Profile = { displayName: string; contactEmail: string | null };

export const updateTenantProfile = defineAction({
  name: "UpdateTenantProfile",
  params: z
    .strictObject({
      displayName: z.string().trim().min(1).max(128).optional(),
      contactEmail: z.union([z.email().max(254), z.literal("")]).optional(),
    })
    .refine((p) => p.displayName !== undefined || p.contactEmail !== undefined, {
      message: "give displayName, contactEmail or both",
    }),
  roles: managers,
  mutates: true,
  async handler({ tx, tenantId, audit }, params) {
    const setEmail = params.contactEmail !== undefined;
    // NO KEY UPDATE: the lock an UPDATE takes anyway; FOR UPDATE would deadlock
    // against the KEY SHARE locks of foreign keys (replay and audit rows)
    const [row] = await tx.query<{ before: Profile; after: Profile }>`
      WITH before AS (SELECT display_name, contact_email FROM tenants WHERE id = ${tenantId} FOR NO KEY UPDATE)
      UPDATE tenants t SET
        display_name = COALESCE(${params.displayName ?? null}, t.display_name),
        contact_email = CASE WHEN ${setEmail} THEN NULLIF(${params.contactEmail ?? ""}, '') ELSE t.contact_email END,
        updated_at = now()
      FROM before WHERE t.id = ${tenantId}
      RETURNING json_build_object('displayName', before.display_name, 'contactEmail', before.contact_email) AS before,
                json_build_object('displayName', t.display_name, 'contactEmail', t.contact_email) AS after`;
    if (!row) throw new Error("tenant row not visible inside its own transaction");
    await audit({ action: "tenant.profile.updated", target: `tenant:${tenantId}`, payload: row });
    return row.after;
  },
});
