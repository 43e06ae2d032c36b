import { type AliyunAccessConfig, verifyAliyunAccess } from "../cloud";
import type { PrismaClient } from "../db";

/**
 * Re-verifies every bound Alibaba role: a role that stopped working turns
 * `failed` with the reason, visible to the buyer, the ISV admin and support.
 * One tenant failing does not stop the others.
 */
export async function reverifyCloudAccess(
  platformDb: PrismaClient,
  endpoints: AliyunAccessConfig,
): Promise<{ verified: number; failed: number }> {
  const bound = await platformDb.cloudAccess.findMany({ where: { provider: "aliyun", roleArn: { not: null } } });
  const counts = { verified: 0, failed: 0 };
  for (const access of bound) {
    const result = await verifyAliyunAccess(endpoints, access.roleArn as string, access.externalId, access.tenantId);
    await platformDb.cloudAccess.update({
      where: { tenantId_provider: { tenantId: access.tenantId, provider: "aliyun" } },
      data: {
        status: result.status,
        verifiedAt: new Date(),
        missingPermissions: result.missing,
        lastError: result.error,
        updatedAt: new Date(),
      },
    });
    counts[result.status]++;
  }
  return counts;
}
