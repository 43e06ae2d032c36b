import { z } from "zod";
import { aliyunRoleArn, authorizationStateMatches, ensureAccess, setRole } from "../cloud";
import { GatewayError, invalid, managers, secret } from "../gateway";
import { ownCloud } from "./own-cloud";
import { defineAction } from "./services";

/**
 * The buyer came back from the marketplace's authorization page with a
 * one-time token. The return must be the one issued to this tenant (its
 * `state`), checked before the token is spent; then the token is exchanged
 * with CrossAccountVerifyToken outside any transaction, accepted only for the
 * caller's own account, and the granted role recorded, pending verification.
 */
export const completeCloudAuthorization = defineAction({
  name: "CompleteCloudAuthorization",
  params: z.strictObject({ token: secret(z.string().trim().min(8).max(256)), state: secret(z.string().max(128)) }),
  roles: managers,
  mutates: true,
  async prepare({ tenantId, caller, services }, p) {
    ownCloud(caller, "aliyun");
    if (!authorizationStateMatches(services.signingKey, tenantId, p.state))
      throw invalid("this authorization return was issued to another account: authorize again from your own console", {
        key: "cloud.authorizationNotYours",
      });
    const market = services.aliyun.market;
    if (!market)
      throw new GatewayError("ServiceUnavailable", "ALIYUN_MARKET_ENDPOINT is not configured", {
        retryAfter: 60,
        reason: { key: "cloud.notConfigured" },
      });
    let grant: { uid: string; roles: string[] };
    try {
      grant = await market.crossAccountVerifyToken(p.token);
    } catch {
      throw invalid("the authorization token is not valid (it may have been used already): authorize again", {
        key: "cloud.authorizationInvalid",
      });
    }
    if (grant.uid !== caller.parentUid)
      throw invalid("the authorization was made by another account", { key: "cloud.authorizationOtherAccount" });
    const roleName = grant.roles.find((r) => r === services.aliyun.roleName) ?? grant.roles[0];
    if (!roleName) throw invalid("no role was authorized", { key: "cloud.authorizationNoRole" });
    return { roleArn: aliyunRoleArn(caller.parentUid, roleName) };
  },
  async handler({ tx, tenantId, audit }, _p, { roleArn }) {
    await ensureAccess(tx, tenantId, "aliyun");
    await setRole(tx, tenantId, "aliyun", roleArn);
    await audit({ action: "cloud.role.authorized", target: "cloud:aliyun", payload: { roleArn } });
    return { provider: "aliyun" as const, roleArn, status: "pending" as const };
  },
});
