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

/** An enrolled agent of `tenantId` (with the download it came from), as enrolment leaves it; last seen when given. */
export async function createAgent(
  platformDb: PrismaClient,
  tenantId: string,
  opts: { hostname?: string; lastSeenAt?: Date | null; revokedAt?: Date | null } = {},
): Promise<{ id: string; hostname: string }> {
  const download = await platformDb.agentDownload.create({
    data: {
      tenantId,
      os: "linux_x64",
      createdBy: "test",
      expiresAt: new Date(Date.now() + 900_000),
      enrolmentExpiresAt: new Date(Date.now() + 7 * 86_400_000),
      maxEnrolments: 10,
    },
  });
  return platformDb.agent.create({
    data: {
      tenantId,
      downloadId: download.id,
      machineId: randomUUID(),
      hostname: opts.hostname ?? "db-01",
      os: "linux",
      arch: "x64",
      secretKeyId: "k1",
      lastSeenAt: opts.lastSeenAt === undefined ? new Date() : opts.lastSeenAt,
      revokedAt: opts.revokedAt ?? null,
    },
    select: { id: true, hostname: true },
  });
}
