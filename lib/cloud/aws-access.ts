import { DescribeInstanceTypesCommand, DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { requiredPermissions } from "./permissions";
import { type CloudFailure, failed, permissionsChecked, type Verification } from "./verification";

export type AwsAccessConfig = {
  stsEndpoint?: string | undefined;
  ec2Endpoint?: string | undefined;
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
  const sts = new STSClient({
    region: cfg.region,
    credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
    maxAttempts: 2,
    ...(cfg.stsEndpoint && { endpoint: cfg.stsEndpoint }),
  });
  let creds: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined;
  try {
    creds = (
      await sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: `skyport-${tenantId.slice(0, 8)}`,
          ExternalId: externalId,
          DurationSeconds: 3600,
        }),
      )
    ).Credentials;
  } catch (err) {
    const name = (err as { name?: string }).name;
    const failure: CloudFailure =
      name === "AccessDenied"
        ? { code: "AssumeRoleDenied", args: { account: cfg.isvAccountId, externalId } }
        : name === "Throttling"
          ? { code: "CloudBusy", args: { cloud: "aws" } }
          : { code: "CloudUnreachable", args: { cloud: "aws" } };
    return failed(failure);
  }
  if (!creds?.AccessKeyId || !creds.SecretAccessKey || !creds.SessionToken) return failed({ code: "NoCredentials" });
  const ec2 = new EC2Client({
    region: cfg.region,
    credentials: { accessKeyId: creds.AccessKeyId, secretAccessKey: creds.SecretAccessKey, sessionToken: creds.SessionToken },
    maxAttempts: 2,
    ...(cfg.ec2Endpoint && { endpoint: cfg.ec2Endpoint }),
  });
  const checks: Record<string, () => Promise<unknown>> = {
    "ec2:DescribeRegions": () => ec2.send(new DescribeRegionsCommand({})),
    "ec2:DescribeInstanceTypes": () => ec2.send(new DescribeInstanceTypesCommand({ MaxResults: 5 })),
  };
  const missing: string[] = [];
  for (const p of requiredPermissions) {
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
