import { DescribeInstanceTypesCommand, DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { TemporaryCredentials } from "./credential-cache";
import { checkedPermissions } from "./permissions";
import { type CloudFailure, failed, permissionsChecked, type Verification } from "./verification";

export type AwsAccessConfig = {
  stsEndpoint?: string | undefined;
  ec2Endpoint?: string | undefined;
  /** the Price List API (us-east-1); unset: AWS's */
  pricingEndpoint?: string | undefined;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  isvAccountId: string;
};

/**
 * STS AssumeRole with the tenant's ExternalId, then each declared EC2
 * permission exercised with a harmless read. AWS answers every trust failure
 * (no such role, not trusted, wrong ExternalId) with one AccessDenied, so the
 * failure names all three.
 */
export async function verifyAwsAccess(cfg: AwsAccessConfig, roleArn: string, externalId: string, tenantId: string): Promise<Verification> {
  let creds: TemporaryCredentials;
  try {
    creds = await assumeAwsRole(cfg, roleArn, externalId, tenantId);
  } catch (err) {
    const name = (err as { name?: string }).name;
    const failure: CloudFailure =
      name === "AccessDenied"
        ? { code: "AssumeRoleDenied", args: { account: cfg.isvAccountId, externalId } }
        : name === "Throttling"
          ? { code: "CloudBusy", args: { cloud: "aws" } }
          : name === "NoCredentials"
            ? { code: "NoCredentials" }
            : { code: "CloudUnreachable", args: { cloud: "aws" } };
    return failed(failure);
  }
  const ec2 = ec2Client(cfg, creds, cfg.region);
  const checks: Record<string, () => Promise<unknown>> = {
    "ec2:DescribeRegions": () => ec2.send(new DescribeRegionsCommand({})),
    "ec2:DescribeInstanceTypes": () => ec2.send(new DescribeInstanceTypesCommand({ MaxResults: 5 })),
  };
  const missing: string[] = [];
  for (const p of checkedPermissions) {
    try {
      await checks[p.aws]?.();
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === "UnauthorizedOperation") missing.push(p.name);
      else return failed({ code: "CheckFailed", args: { permission: p.name, answer: name ?? "an error" } }, missing);
    }
  }
  return permissionsChecked(missing);
}

/** STS AssumeRole with the tenant's ExternalId and the ISV's IAM user; the session name ties calls to the tenant. */
export async function assumeAwsRole(
  cfg: AwsAccessConfig,
  roleArn: string,
  externalId: string,
  tenantId: string,
): Promise<TemporaryCredentials> {
  const sts = new STSClient({
    region: cfg.region,
    credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
    maxAttempts: 2,
    ...(cfg.stsEndpoint && { endpoint: cfg.stsEndpoint }),
  });
  const c = (
    await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: `skyport-${tenantId.slice(0, 8)}`,
        ExternalId: externalId,
        DurationSeconds: 3600,
      }),
    )
  ).Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw Object.assign(new Error("no credentials"), { name: "NoCredentials" });
  return {
    accessKeyId: c.AccessKeyId,
    secret: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    expiresAt: c.Expiration?.getTime() ?? Date.now() + 3600_000,
  };
}

/** EC2 in a region, with temporary credentials. */
export function ec2Client(cfg: AwsAccessConfig, creds: TemporaryCredentials, region: string) {
  return new EC2Client({
    region,
    credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secret, sessionToken: creds.sessionToken },
    maxAttempts: 2,
    ...(cfg.ec2Endpoint && { endpoint: cfg.ec2Endpoint }),
  });
}
