import { z } from "zod";
import { aliyunPolicies, awsPolicies, findAccess, requiredPermissions } from "../cloud";
import { anyRole } from "../gateway";
import { provider } from "./own-cloud";
import { defineAction } from "./services";

export const describeCloudPolicies = defineAction({
  name: "DescribeCloudPolicies",
  params: z.strictObject({ provider }),
  roles: anyRole,
  mutates: false,
  async handler({ tx, tenantId, services }, p) {
    const access = (await findAccess(tx, tenantId)).find((a) => a.provider === p.provider);
    const documents = access && (p.provider === "aliyun" ? aliyunPolicies : awsPolicies)(services.isv, access.externalId);
    return {
      permissions: requiredPermissions.map((x) => ({ name: x.name, action: x[p.provider], why: x.why })),
      permissionPolicy: documents?.permission ?? null,
      // the trust policy names the tenant's ExternalId: none until CreateCloudAccessLink issues it
      trustPolicy: documents?.trust ?? null,
    };
  },
});
