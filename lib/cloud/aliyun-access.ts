import RPCClient from "@alicloud/pop-core";
import type { TemporaryCredentials } from "./credential-cache";
import { checkedPermissions } from "./permissions";
import { type CloudFailure, failed, permissionsChecked, type Verification } from "./verification";

export type AliyunAccessConfig = { stsEndpoint: string; ecsEndpoint: string; accessKeyId: string; accessKeySecret: string };

/** STS AssumeRole (2015-04-01) with the ISV's key; the session name ties calls to the tenant. */
export async function assumeAliyunRole(
  cfg: AliyunAccessConfig,
  roleArn: string,
  externalId: string,
  tenantId: string,
): Promise<TemporaryCredentials> {
  const sts = new RPCClient({
    endpoint: cfg.stsEndpoint,
    apiVersion: "2015-04-01",
    accessKeyId: cfg.accessKeyId,
    accessKeySecret: cfg.accessKeySecret,
  });
  const r = await sts.request<{ Credentials: { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string; Expiration: string } }>(
    "AssumeRole",
    { RoleArn: roleArn, RoleSessionName: `skyport-${tenantId.slice(0, 8)}`, DurationSeconds: 3600, ExternalId: externalId },
    { method: "GET", timeout: 10_000, formatParams: false },
  );
  const c = r.Credentials;
  return { accessKeyId: c.AccessKeyId, secret: c.AccessKeySecret, sessionToken: c.SecurityToken, expiresAt: Date.parse(c.Expiration) };
}

/** ECS (2014-05-26) in the buyer's account, with temporary credentials. */
export function ecsClient(cfg: AliyunAccessConfig, creds: TemporaryCredentials) {
  return new RPCClient({
    endpoint: cfg.ecsEndpoint,
    apiVersion: "2014-05-26",
    accessKeyId: creds.accessKeyId,
    accessKeySecret: creds.secret,
    securityToken: creds.sessionToken,
  });
}

/** Why an AssumeRole failed, as something a buyer can act on. */
function assumeFailure(code: string | undefined): CloudFailure {
  if (code === "EntityNotExist.Role") return { code: "RoleNotFound" };
  if (code === "NoPermission.ExternalId") return { code: "ExternalIdMismatch" };
  if (code?.startsWith("NoPermission")) return { code: "RoleNotTrusted" };
  if (code?.startsWith("Throttling") || code === "ServiceUnavailable") return { code: "CloudBusy", args: { cloud: "aliyun" } };
  if (code && /^(E[A-Z]+|RequestTimeout)/.test(code)) return { code: "CloudUnreachable", args: { cloud: "aliyun" } };
  return { code: "AssumeRoleFailed" };
}

/**
 * Assumes the role, then exercises each declared permission with a harmless
 * read, recording exactly which are missing. Credentials never leave this call.
 */
export async function verifyAliyunAccess(
  cfg: AliyunAccessConfig,
  roleArn: string,
  externalId: string,
  tenantId: string,
): Promise<Verification> {
  let creds: TemporaryCredentials;
  try {
    creds = await assumeAliyunRole(cfg, roleArn, externalId, tenantId);
  } catch (err) {
    return failed(assumeFailure((err as { code?: string }).code));
  }
  const ecs = ecsClient(cfg, creds);
  const missing: string[] = [];
  for (const p of checkedPermissions) {
    try {
      await ecs.request(
        p.aliyun.replace(/^ecs:/, ""),
        { RegionId: "cn-hangzhou" },
        { method: "GET", timeout: 10_000, formatParams: false },
      );
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (String(code).startsWith("Forbidden")) missing.push(p.name);
      else return failed({ code: "CheckFailed", args: { permission: p.name, answer: code ?? "an error" } }, missing);
    }
  }
  return permissionsChecked(missing);
}
