import { requiredPermissions } from "./permissions";

export type IsvAccounts = { aliyunUid: string; awsAccountId: string };

/** Alibaba RAM: the permission policy (read-only ECS describes) and the trust policy pinned to the tenant's ExternalId. */
export function aliyunPolicies(isv: IsvAccounts, externalId: string) {
  return {
    permission: { Version: "1", Statement: [{ Effect: "Allow", Action: requiredPermissions.map((p) => p.aliyun), Resource: "*" }] },
    trust: {
      Version: "1",
      Statement: [
        {
          Action: "sts:AssumeRole",
          Effect: "Allow",
          Principal: { RAM: [`acs:ram::${isv.aliyunUid}:root`] },
          Condition: { StringEquals: { "sts:ExternalId": externalId } },
        },
      ],
    },
  };
}

/** AWS IAM: the same, as IAM documents; the ExternalId condition is what stops a confused deputy. */
export function awsPolicies(isv: IsvAccounts, externalId: string) {
  return {
    permission: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: requiredPermissions.map((p) => p.aws), Resource: "*" }] },
    trust: {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${isv.awsAccountId}:root` },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "sts:ExternalId": externalId } },
        },
      ],
    },
  };
}

/** The CloudFormation template behind the AWS quick-create link: one role, the two policies. */
export function awsRoleTemplate(isv: IsvAccounts, externalId: string, roleName: string) {
  const { permission, trust } = awsPolicies(isv, externalId);
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: "Skyport: a read-only role Skyport assumes, only with your ExternalId",
    Resources: {
      SkyportRole: {
        Type: "AWS::IAM::Role",
        Properties: {
          RoleName: roleName,
          AssumeRolePolicyDocument: trust,
          Policies: [{ PolicyName: "SkyportReadOnly", PolicyDocument: permission }],
        },
      },
    },
    Outputs: { RoleArn: { Description: "Paste this into Skyport", Value: { "Fn::GetAtt": ["SkyportRole", "Arn"] } } },
  };
}
