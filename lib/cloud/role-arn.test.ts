import { describe, expect, it } from "vitest";
import { requiredPermissions } from "./permissions";
import { aliyunPolicies, awsPolicies, awsRoleTemplate } from "./policies";
import { checkRoleArn } from "./role-arn";

describe("role ARNs", () => {
  it("accepts a role in the tenant's own account", () => {
    expect(checkRoleArn("aws", "arn:aws:iam::123456789012:role/skyport/SkyportAccess", "123456789012")).toEqual({
      ok: true,
      account: "123456789012",
      roleName: "SkyportAccess",
    });
    expect(checkRoleArn("aliyun", "acs:ram::1001:role/AliyunSkyportRole", "1001")).toMatchObject({
      ok: true,
      roleName: "AliyunSkyportRole",
    });
  });

  it("refuses a role in another account: never another tenant's role", () => {
    expect(checkRoleArn("aws", "arn:aws:iam::999999999999:role/SkyportAccess", "123456789012")).toEqual({
      ok: false,
      reason: "other-account",
    });
    expect(checkRoleArn("aliyun", "acs:ram::2002:role/AliyunSkyportRole", "1001")).toEqual({ ok: false, reason: "other-account" });
  });

  it.each([
    "arn:aws:iam::12345:role/x",
    "arn:aws:iam::123456789012:user/x",
    "arn:aws:iam::123456789012:role/",
    "acs:ram::1001:role/x",
    "",
    "arn:aws:iam::123456789012:role/a b",
  ])("refuses the malformed AWS role %j", (arn) => {
    expect(checkRoleArn("aws", arn, "123456789012")).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("policy documents from the one declaration", () => {
  const isv = { aliyunUid: "5000", awsAccountId: "210987654321" };

  it("grant exactly the declared actions, trusting only the ISV with the tenant's ExternalId", () => {
    const ali = aliyunPolicies(isv, "ext-1");
    expect(ali.permission.Statement[0]?.Action).toEqual(requiredPermissions.map((p) => p.aliyun));
    expect(ali.trust.Statement[0]).toMatchObject({
      Principal: { RAM: ["acs:ram::5000:root"] },
      Condition: { StringEquals: { "sts:ExternalId": "ext-1" } },
    });
    const aws = awsPolicies(isv, "ext-2");
    expect(aws.permission.Statement[0]?.Action).toEqual(["ec2:DescribeRegions", "ec2:DescribeInstanceTypes", "pricing:GetProducts"]);
    expect(aws.trust.Statement[0]).toMatchObject({
      Principal: { AWS: "arn:aws:iam::210987654321:root" },
      Condition: { StringEquals: { "sts:ExternalId": "ext-2" } },
    });
  });

  it("build the CloudFormation template from the same documents", () => {
    const t = awsRoleTemplate(isv, "ext-3", "SkyportAccess");
    expect(t.Resources.SkyportRole.Properties.AssumeRolePolicyDocument).toEqual(awsPolicies(isv, "ext-3").trust);
    expect(t.Resources.SkyportRole.Properties.Policies[0]?.PolicyDocument).toEqual(awsPolicies(isv, "ext-3").permission);
  });
});
