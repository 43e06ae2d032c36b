import { requiredPermissions } from "../cloud";
import type { AliyunCloudEmulator } from "./emulators/aliyun-cloud";
import type { AwsCloudEmulator } from "./emulators/aws-cloud";

export type CloudMove = "grant" | "revoke" | "trim" | "wrongExternalId";

/** The buyer's side of cloud access, played in the sandbox: what they do to the role in their own account. */
export function changeBuyerRole(cloud: AliyunCloudEmulator, move: CloudMove, role: { arn: string; isvUid: string; externalId: string }) {
  if (move === "grant")
    cloud.roles.set(role.arn, {
      trustedUid: role.isvUid,
      externalId: role.externalId,
      actions: new Set(requiredPermissions.map((p) => p.aliyun)),
    });
  if (move === "revoke") cloud.roles.delete(role.arn);
  const existing = cloud.roles.get(role.arn);
  if (move === "trim") existing?.actions.delete("ecs:DescribeInstanceTypes");
  if (move === "wrongExternalId" && existing) existing.externalId = `${role.externalId}-not-yours`;
}

/** The same moves on AWS: "grant" is what the quick-create CloudFormation stack does. */
export function changeBuyerIamRole(
  cloud: AwsCloudEmulator,
  move: CloudMove,
  role: { arn: string; isvAccount: string; externalId: string },
) {
  if (move === "grant")
    cloud.roles.set(role.arn, {
      trustedAccount: role.isvAccount,
      externalId: role.externalId,
      actions: new Set(requiredPermissions.map((p) => p.aws)),
    });
  if (move === "revoke") cloud.roles.delete(role.arn);
  const existing = cloud.roles.get(role.arn);
  if (move === "trim") existing?.actions.delete("ec2:DescribeInstanceTypes");
  if (move === "wrongExternalId" && existing) existing.externalId = `${role.externalId}-not-yours`;
}
