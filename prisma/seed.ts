import { randomBytes } from "node:crypto";
import { hashPassword } from "../lib/auth/password";
import { plans } from "../lib/billing";
import { type PrismaClient, platformTransaction } from "../lib/db";

/** The demo accounts: the Alibaba one matches the spec's test vector (uid 1001). */
export const demo = {
  aliyun: { channel: "aliyun", externalId: "1001", displayName: "Demo Alibaba buyer" },
  direct: { channel: "direct", externalId: "demo-direct", displayName: "Demo direct customer" },
  admin: { email: "admin@skyport.local", name: "ISV admin", role: "isv_admin" },
  support: { email: "support@skyport.local", name: "Support", role: "support" },
} as const;

export type SeedResult = { created: boolean; password?: string };

/**
 * Idempotent: creates the demo tenants and staff once. The staff password is
 * DEMO_PASSWORD or random, returned only when the staff were created now.
 */
export async function seedDemo(platformDb: PrismaClient, password?: string): Promise<SeedResult> {
  if (await platformDb.staff.findUnique({ where: { email: demo.admin.email } })) return { created: false };
  const secret = password ?? randomBytes(9).toString("base64url");
  const passwordHash = await hashPassword(secret);
  const year = 365 * 24 * 3600 * 1000;
  await platformTransaction(platformDb, async (tx) => {
    for (const t of [demo.aliyun, demo.direct]) {
      const tenant = await tx.tenant.upsert({
        where: { channel_externalId: { channel: t.channel, externalId: t.externalId } },
        create: { channel: t.channel, externalId: t.externalId, displayName: t.displayName },
        update: {},
      });
      await tx.membership.upsert({
        where: { tenantId_uid: { tenantId: tenant.id, uid: t.externalId } },
        create: { tenantId: tenant.id, uid: t.externalId, role: "owner", name: "Main account" },
        update: {},
      });
      await tx.subscription.create({
        data: {
          tenantId: tenant.id,
          plan: "standard",
          sku: t.channel === "direct" ? plans.standard.stripePrice : plans.standard.skus[t.channel],
          startsAt: new Date(),
          expiresAt: new Date(Date.now() + year),
        },
      });
    }
    for (const s of [demo.admin, demo.support]) await tx.staff.create({ data: { ...s, passwordHash } });
  });
  return { created: true, password: secret };
}
