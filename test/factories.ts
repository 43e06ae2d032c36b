import { randomUUID } from "node:crypto";
import type { ChannelName } from "../lib/config";
import type { PrismaClient } from "../lib/db";

export type TestTenant = { id: string; channel: ChannelName; parentUid: string };

/** A tenant with a random account id, an owner membership and a live subscription. */
export async function createTenant(
  platformDb: PrismaClient,
  opts: { channel?: ChannelName; expiresAt?: Date | null; status?: "active" | "frozen" | "closed" } = {},
): Promise<TestTenant> {
  const channel = opts.channel ?? "aliyun";
  // as the channels spell accounts: Alibaba uids are digits, AWS accounts 12 digits
  const digits = BigInt(`0x${randomUUID().replaceAll("-", "").slice(0, 15)}`)
    .toString()
    .padStart(12, "1");
  const parentUid =
    channel === "aws" ? digits.slice(0, 12) : channel === "aliyun" ? digits.slice(0, 16) : `acct-${randomUUID().slice(0, 12)}`;
  const tenant = await platformDb.tenant.create({
    data: { channel, externalId: parentUid, displayName: `Tenant ${parentUid}`, status: opts.status ?? "active" },
  });
  await platformDb.membership.create({ data: { tenantId: tenant.id, uid: parentUid, role: "owner" } });
  await platformDb.subscription.create({
    data: {
      tenantId: tenant.id,
      plan: "standard",
      sku: "sku-standard",
      startsAt: new Date(Date.now() - 86_400_000),
      expiresAt: opts.expiresAt === undefined ? new Date(Date.now() + 30 * 86_400_000) : opts.expiresAt,
    },
  });
  return { id: tenant.id, channel, parentUid };
}
