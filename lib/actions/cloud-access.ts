import { z } from "zod";
import {
  aliyunAccessConfig,
  aliyunPolicies,
  aliyunRoleArn,
  authorizationToken,
  awsAccessConfig,
  awsPolicies,
  checkRoleArn,
  ensureAccess,
  findAccess,
  type Provider,
  recordVerification,
  requiredPermissions,
  verifyAliyunAccess,
  verifyAwsAccess,
} from "../cloud";
import { config } from "../config";
import { GatewayError, invalid } from "../gateway/errors";
import { createMarketApi, marketApiConfig } from "../marketplace";
import { anyRole, type Caller, defineAction, managers } from "./define-action";

const provider = z.enum(["aliyun", "aws"]);
const isv = () => ({ aliyunUid: config().ALIYUN_ISV_UID, awsAccountId: config().AWS_ISV_ACCOUNT_ID });

/** A tenant's cloud is the one it bought through; its account is the caller's main account. */
function ownCloud(caller: Caller, wanted: Provider) {
  if (caller.channel !== wanted)
    throw new GatewayError(
      "InvalidParameter",
      `this tenant came through ${caller.channel}; it can grant ${caller.channel === "direct" ? "no" : caller.channel} cloud access`,
    );
}

export const describeCloudAccess = defineAction({
  name: "DescribeCloudAccess",
  params: z.strictObject({}),
  roles: anyRole,
  mutates: false,
  async handler({ tx, tenantId }) {
    const rows = await findAccess(tx, tenantId);
    return { access: rows.map((a) => ({ ...a, verifiedAt: a.verifiedAt?.toISOString() ?? null })) };
  },
});

export const describeCloudPolicies = defineAction({
  name: "DescribeCloudPolicies",
  params: z.strictObject({ provider }),
  roles: anyRole,
  mutates: false,
  async handler({ tx, tenantId }, p) {
    const access = (await findAccess(tx, tenantId)).find((a) => a.provider === p.provider);
    const documents =
      access && (p.provider === "aliyun" ? aliyunPolicies(isv(), access.externalId) : awsPolicies(isv(), access.externalId));
    return {
      permissions: requiredPermissions.map((x) => ({ name: x.name, action: x[p.provider], why: x.why })),
      permissionPolicy: documents?.permission ?? null,
      // the trust policy names the tenant's ExternalId: none until CreateCloudAccessLink issues it
      trustPolicy: documents?.trust ?? null,
    };
  },
});

export const createCloudAccessLink = defineAction({
  name: "CreateCloudAccessLink",
  params: z.strictObject({ provider }),
  roles: managers,
  mutates: true,
  async handler({ tx, tenantId, caller, audit }, p) {
    ownCloud(caller, p.provider);
    const access = await ensureAccess(tx, tenantId, p.provider);
    const cfg = config();
    const publicUrl = cfg.PUBLIC_URL ?? `http://localhost:${cfg.PORT}`;
    await audit({ action: "cloud.link.created", target: `cloud:${p.provider}`, payload: {} });
    if (p.provider === "aws") {
      const template = `${publicUrl}/api/cloud/aws-role-template?externalId=${encodeURIComponent(access.externalId)}`;
      const url = new URL("https://console.aws.amazon.com/cloudformation/home#/stacks/quickcreate");
      const query = new URLSearchParams({ templateURL: template, stackName: "Skyport", param_ExternalId: access.externalId });
      return { provider: p.provider, externalId: access.externalId, link: `${url.href}?${query}` };
    }
    // the cross-account authorization link (shared/specs/aliyun-marketplace-spi.md §3)
    const authorizeUrl = cfg.ALIYUN_AUTHORIZE_URL ?? (cfg.SANDBOX === "on" ? `${publicUrl}/sandbox/authorize` : undefined);
    if (!authorizeUrl) throw new GatewayError("ServiceUnavailable", "ALIYUN_AUTHORIZE_URL is not configured", 60);
    const token = authorizationToken(cfg.ALIYUN_ROLE_NAME, cfg.ALIYUN_SPI_KEY);
    const query = new URLSearchParams({
      role: cfg.ALIYUN_ROLE_NAME,
      aliyunuid: caller.parentUid,
      returnurl: `${publicUrl}/console/cloud-return`,
      token,
    });
    return { provider: p.provider, externalId: access.externalId, link: `${authorizeUrl}?${query}` };
  },
});

/**
 * The buyer came back from the marketplace's authorization page with a token:
 * exchanged with CrossAccountVerifyToken, accepted only for the caller's own
 * account, the granted role recorded, pending verification.
 */
export const completeCloudAuthorization = defineAction({
  name: "CompleteCloudAuthorization",
  params: z.strictObject({ token: z.string().trim().min(8).max(256) }),
  roles: managers,
  mutates: true,
  async handler({ tx, tenantId, caller, audit }, p) {
    ownCloud(caller, "aliyun");
    const market = marketApiConfig(config());
    if (!market) throw new GatewayError("ServiceUnavailable", "ALIYUN_MARKET_ENDPOINT is not configured", 60);
    let grant: { uid: string; roles: string[] };
    try {
      grant = await createMarketApi(market).crossAccountVerifyToken(p.token);
    } catch {
      throw invalid("the authorization token is not valid (it may have been used already): authorize again");
    }
    if (grant.uid !== caller.parentUid) throw invalid("the authorization was made by another account");
    const roleName = grant.roles.find((r) => r === config().ALIYUN_ROLE_NAME) ?? grant.roles[0];
    if (!roleName) throw invalid("no role was authorized");
    const roleArn = aliyunRoleArn(caller.parentUid, roleName);
    await ensureAccess(tx, tenantId, "aliyun");
    await tx.execute`
      UPDATE cloud_access SET role_arn = ${roleArn}, status = 'pending', verified_at = NULL, missing_permissions = '{}', last_error = NULL, updated_at = now()
      WHERE tenant_id = ${tenantId} AND provider = 'aliyun'`;
    await audit({ action: "cloud.role.authorized", target: "cloud:aliyun", payload: { roleArn } });
    return { provider: "aliyun", roleArn, status: "pending" };
  },
});

export const bindCloudRole = defineAction({
  name: "BindCloudRole",
  params: z.strictObject({ provider, roleArn: z.string().trim().min(1).max(2048) }),
  roles: managers,
  mutates: true,
  async handler({ tx, tenantId, caller, audit }, p) {
    ownCloud(caller, p.provider);
    const checked = checkRoleArn(p.provider, p.roleArn, caller.parentUid);
    if (!checked.ok)
      throw invalid(
        checked.reason === "other-account"
          ? `the role must be in your own account (${caller.parentUid})`
          : p.provider === "aws"
            ? "roleArn must look like arn:aws:iam::<12-digit account>:role/<name>"
            : "roleArn must look like acs:ram::<uid>:role/<name>",
      );
    await ensureAccess(tx, tenantId, p.provider);
    await tx.execute`
      UPDATE cloud_access SET role_arn = ${p.roleArn}, status = 'pending', verified_at = NULL, missing_permissions = '{}', last_error = NULL, updated_at = now()
      WHERE tenant_id = ${tenantId} AND provider = ${p.provider}::cloud_provider`;
    await audit({ action: "cloud.role.bound", target: `cloud:${p.provider}`, payload: { roleArn: p.roleArn } });
    return { provider: p.provider, roleArn: p.roleArn, status: "pending" };
  },
});

export const verifyCloudAccess = defineAction({
  name: "VerifyCloudAccess",
  params: z.strictObject({ provider }),
  roles: managers,
  mutates: true,
  async handler({ tx, tenantId, audit }, p) {
    const access = (await findAccess(tx, tenantId)).find((a) => a.provider === p.provider);
    if (!access?.roleArn) throw invalid(`no ${p.provider} role to verify: bind one first`);
    const result = await verify(p.provider, access.roleArn, access.externalId, tenantId);
    await recordVerification(tx, tenantId, p.provider, result);
    await audit({
      action: "cloud.access.verified",
      target: `cloud:${p.provider}`,
      payload: { status: result.status, missing: result.missing },
    });
    return { provider: p.provider, status: result.status, missingPermissions: result.missing, lastError: result.error };
  },
});

/** Assumes the role and exercises each declared permission; the credentials never leave this call. */
async function verify(provider: Provider, roleArn: string, externalId: string, tenantId: string) {
  if (provider === "aws") return verifyAwsAccess(awsAccessConfig(config()), roleArn, externalId, tenantId);
  const endpoints = aliyunAccessConfig(config());
  if (!endpoints) throw new GatewayError("ServiceUnavailable", "ALIYUN_STS_ENDPOINT and ALIYUN_ECS_ENDPOINT are not configured", 60);
  return verifyAliyunAccess(endpoints, roleArn, externalId, tenantId);
}

export const unbindCloudRole = defineAction({
  name: "UnbindCloudRole",
  params: z.strictObject({ provider }),
  roles: managers,
  mutates: true,
  async handler({ tx, tenantId, audit }, p) {
    const changed = await tx.execute`
      UPDATE cloud_access SET role_arn = NULL, status = 'pending', verified_at = NULL, missing_permissions = '{}', last_error = NULL, updated_at = now()
      WHERE tenant_id = ${tenantId} AND provider = ${p.provider}::cloud_provider AND role_arn IS NOT NULL`;
    if (changed === 0) throw invalid(`no ${p.provider} role is bound`);
    await audit({ action: "cloud.role.unbound", target: `cloud:${p.provider}`, payload: {} });
    return { provider: p.provider, status: "pending" };
  },
});
