import { z } from "zod";
import { currentSubscription } from "./current-subscription";
import { anyRole, defineAction } from "./define-action";

export const describeTenant = defineAction({
  name: "DescribeTenant",
  params: z.strictObject({}),
  roles: anyRole,
  mutates: false,
  async handler({ tx, tenantId }) {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    const subscription = await currentSubscription(tx, tenantId);
    return {
      id: tenant.id,
      name: tenant.displayName,
      contactEmail: tenant.contactEmail,
      channel: tenant.channel,
      status: tenant.status,
      plan: subscription?.plan ?? null,
      sku: subscription?.sku ?? null,
      trial: subscription?.trial ?? false,
      subscriptionStatus: subscription?.status ?? null,
      expiresAt: subscription?.expiresAt?.toISOString() ?? null,
    };
  },
});
