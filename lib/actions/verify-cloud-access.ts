import { z } from "zod";
import { findAccess, recordVerification, verifyAliyunAccess, verifyAwsAccess } from "../cloud";
import { GatewayError, invalid, managers } from "../gateway";
import { provider } from "./own-cloud";
import { defineAction } from "./services";

/**
 * Assumes the bound role and exercises each declared permission (outside any
 * transaction: the cloud may take seconds), then records what it found. The
 * credentials never leave the verification.
 */
export const verifyCloudAccess = defineAction({
  name: "VerifyCloudAccess",
  params: z.strictObject({ provider }),
  roles: managers,
  mutates: true,
  async prepare({ tenantId, services, read }, p) {
    const access = (await read((tx) => findAccess(tx, tenantId))).find((a) => a.provider === p.provider);
    if (!access?.roleArn) throw invalid(`no ${p.provider} role to verify: bind one first`, { key: "cloud.noRole" });
    const roleArn = access.roleArn;
    if (p.provider === "aws") return { roleArn, result: await verifyAwsAccess(services.aws.access, roleArn, access.externalId, tenantId) };
    const endpoints = services.aliyun.access;
    if (!endpoints)
      throw new GatewayError("ServiceUnavailable", "ALIYUN_STS_ENDPOINT and ALIYUN_ECS_ENDPOINT are not configured", {
        retryAfter: 60,
        reason: { key: "cloud.notConfigured" },
      });
    return { roleArn, result: await verifyAliyunAccess(endpoints, roleArn, access.externalId, tenantId) };
  },
  async handler({ tx, tenantId, audit }, p, { roleArn, result }) {
    if (!(await recordVerification(tx, tenantId, p.provider, roleArn, result)))
      throw invalid("the role changed while it was being verified: verify again", { key: "cloud.roleChanged" });
    await audit({
      action: "cloud.access.verified",
      target: `cloud:${p.provider}`,
      payload: { status: result.status, missing: result.missing },
    });
    return { provider: p.provider, status: result.status, missingPermissions: result.missing, failure: result.failure };
  },
});
