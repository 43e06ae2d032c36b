import RPCClient from "@alicloud/pop-core";
import type { TemporaryCredentials } from "./credential-cache";
import { requiredPermissions } from "./permissions";

export type AliyunAccessConfig = { stsEndpoint: string; ecsEndpoint: string; accessKeyId: string; accessKeySecret: string };
export type Verification = { status: "verified" | "failed"; missing: string[]; error: string | null };

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

/** Why an AssumeRole failed, in words a buyer can act on. */
function explain(code: string | undefined): string {
  if (code === "EntityNotExist.Role")
    return "The role does not exist in your account: create it (or buy again to have the marketplace create it).";
  if (code === "NoPermission.ExternalId") return "The role's trust policy has a different ExternalId: use the one Skyport shows you.";
  if (code?.startsWith("NoPermission")) return "The role does not trust Skyport's account: use the trust policy Skyport shows you.";
  if (code?.startsWith("Throttling") || code === "ServiceUnavailable") return "Alibaba Cloud was busy; Skyport will try again.";
  if (code && /^(E[A-Z]+|RequestTimeout)/.test(code)) return "Skyport could not reach Alibaba Cloud STS; it will try again.";
  return "Skyport could not assume the role; check it exists and trusts Skyport.";
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
    return { status: "failed", missing: [], error: explain((err as { code?: string }).code) };
  }
  const ecs = new RPCClient({
    endpoint: cfg.ecsEndpoint,
    apiVersion: "2014-05-26",
    accessKeyId: creds.accessKeyId,
    accessKeySecret: creds.secret,
    securityToken: creds.sessionToken,
  });
  const missing: string[] = [];
  for (const p of requiredPermissions) {
    try {
      await ecs.request(
        p.aliyun.replace(/^ecs:/, ""),
        { RegionId: "cn-hangzhou" },
        { method: "GET", timeout: 10_000, formatParams: false },
      );
    } catch (err) {
      if (String((err as { code?: string }).code).startsWith("Forbidden")) missing.push(p.name);
      else
        return {
          status: "failed",
          missing,
          error: `Checking ${p.name} failed: Alibaba Cloud answered ${(err as { code?: string }).code ?? "an error"}.`,
        };
    }
  }
  return missing.length
    ? { status: "failed", missing, error: `The role lacks: ${missing.join(", ")}. Add them from the permission policy Skyport shows you.` }
    : { status: "verified", missing: [], error: null };
}
