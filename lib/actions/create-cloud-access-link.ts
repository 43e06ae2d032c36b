import { z } from "zod";
import { authorizationState, authorizationToken, ensureAccess } from "../cloud";
import { GatewayError, managers } from "../gateway";
import { ownCloud, provider } from "./own-cloud";
import { defineAction } from "./services";

/** The link a buyer follows to create Skyport's role: AWS's quick-create stack, or Alibaba's authorization page. */
export const createCloudAccessLink = defineAction({
  name: "CreateCloudAccessLink",
  params: z.strictObject({ provider }),
  roles: managers,
  mutates: true,
  async handler({ tx, tenantId, caller, audit, services }, p) {
    ownCloud(caller, p.provider);
    const access = await ensureAccess(tx, tenantId, p.provider);
    await audit({ action: "cloud.link.created", target: `cloud:${p.provider}`, payload: {} });
    if (p.provider === "aws") {
      const template = `${services.publicUrl}/api/cloud/aws-role-template?externalId=${encodeURIComponent(access.externalId)}`;
      const url = new URL("https://console.aws.amazon.com/cloudformation/home#/stacks/quickcreate");
      const query = new URLSearchParams({ templateURL: template, stackName: "Skyport", param_ExternalId: access.externalId });
      return { provider: p.provider, externalId: access.externalId, link: `${url.href}?${query}` };
    }
    // the cross-account authorization link (shared/specs/aliyun-marketplace-spi.md §3)
    const { authorizeUrl, roleName, spiKey } = services.aliyun;
    if (!authorizeUrl)
      throw new GatewayError("ServiceUnavailable", "ALIYUN_AUTHORIZE_URL is not configured", {
        retryAfter: 60,
        reason: { key: "cloud.notConfigured" },
      });
    const returnUrl = `${services.publicUrl}/console/cloud-return?${new URLSearchParams({ state: authorizationState(services.signingKey, tenantId) })}`;
    const query = new URLSearchParams({
      role: roleName,
      aliyunuid: caller.parentUid,
      returnurl: returnUrl,
      token: authorizationToken(roleName, spiKey),
    });
    return { provider: p.provider, externalId: access.externalId, link: `${authorizeUrl}?${query}` };
  },
});
