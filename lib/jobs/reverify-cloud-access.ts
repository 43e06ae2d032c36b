import { type AliyunAccessConfig, type AwsAccessConfig, verifyAliyunAccess, verifyAwsAccess } from "../cloud";
import { Prisma, type PrismaClient } from "../db";

/**
 * Re-verifies every bound role: a role that stopped working turns `failed`
 * with the reason, visible to the buyer, the ISV admin and support. One
 * tenant failing does not stop the others. Each cloud is asked with no
 * transaction open; what it answered is written only if the role is still
 * the one that was verified.
 */
export async function reverifyCloudAccess(
  platformDb: PrismaClient,
  endpoints: { aliyun?: AliyunAccessConfig | undefined; aws?: AwsAccessConfig | undefined },
  /** only roles never verified yet: new purchases and bindings, soon after they arrive */
  onlyPending = false,
) {
  const bound = await platformDb.cloudAccess.findMany({
    where: { roleArn: { not: null }, ...(onlyPending && { status: "pending" as const }) },
  });
  const counts = { verified: 0, failed: 0 };
  for (const access of bound) {
    const roleArn = access.roleArn as string;
    const result =
      access.provider === "aws"
        ? endpoints.aws && (await verifyAwsAccess(endpoints.aws, roleArn, access.externalId, access.tenantId))
        : endpoints.aliyun && (await verifyAliyunAccess(endpoints.aliyun, roleArn, access.externalId, access.tenantId));
    if (!result) continue;
    await platformDb.cloudAccess.updateMany({
      where: { tenantId: access.tenantId, provider: access.provider, roleArn },
      data: {
        status: result.status,
        verifiedAt: new Date(),
        missingPermissions: result.missing,
        failure: result.failure ?? Prisma.DbNull,
        updatedAt: new Date(),
      },
    });
    counts[result.status]++;
  }
  return counts;
}
