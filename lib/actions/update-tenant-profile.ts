import { z } from "zod";
import { defineAction, managers } from "./define-action";

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
    const before = await tx.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: { displayName: true, contactEmail: true },
    });
    const changes = {
      ...(params.displayName !== undefined && { displayName: params.displayName }),
      ...(params.contactEmail !== undefined && { contactEmail: params.contactEmail || null }),
    };
    const after = await tx.tenant.update({
      where: { id: tenantId },
      data: changes,
      select: { displayName: true, contactEmail: true },
    });
    await audit({ action: "tenant.profile.updated", target: `tenant:${tenantId}`, payload: { before, after } });
    return after;
  },
});
