import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { type Harness, startHarness, subAccount } from "../../test/gateway-harness";

let h: Harness;
let ali: TestTenant;
let aws: TestTenant;
let other: TestTenant;
beforeAll(async () => {
  h = await startHarness();
  ali = await createTenant(h.db.platformDb, { channel: "aliyun" });
  aws = await createTenant(h.db.platformDb, { channel: "aws" });
  other = await createTenant(h.db.platformDb, { channel: "aws" });
});
afterAll(() => h.close());

describe("cloud access actions", () => {
  it("issues a per-tenant ExternalId with the AWS quick-create link, and the policies name it", async () => {
    const link = await h.call("CreateCloudAccessLink", { provider: "aws" }, { tenant: aws });
    expect(link.body.code).toBe("OK");
    const { externalId } = link.body.data;
    expect(externalId).toMatch(/^skyport-[\w-]{16}$/);
    expect(decodeURIComponent(link.body.data.link)).toContain(`param_ExternalId=${externalId}`);
    const again = await h.call("CreateCloudAccessLink", { provider: "aws" }, { tenant: aws });
    expect(again.body.data.externalId).toBe(externalId);
    const theirs = await h.call("CreateCloudAccessLink", { provider: "aws" }, { tenant: other });
    expect(theirs.body.data.externalId).not.toBe(externalId);
    const policies = await h.call("DescribeCloudPolicies", { provider: "aws" }, { tenant: aws });
    expect(policies.body.data.trustPolicy.Statement[0].Condition.StringEquals["sts:ExternalId"]).toBe(externalId);
    expect(policies.body.data.permissions.map((p: { action: string }) => p.action)).toEqual([
      "ec2:DescribeRegions",
      "ec2:DescribeInstanceTypes",
      "pricing:GetProducts",
    ]);
  });

  it("binds a role in the tenant's own account, pending verification, audited", async () => {
    const arn = `arn:aws:iam::${aws.parentUid}:role/SkyportAccess`;
    const r = await h.call("BindCloudRole", { provider: "aws", roleArn: arn }, { tenant: aws });
    expect(r.body.data).toEqual({ provider: "aws", roleArn: arn, status: "pending" });
    const state = await h.call("DescribeCloudAccess", {}, { tenant: aws });
    expect(state.body.data.access[0]).toMatchObject({ provider: "aws", roleArn: arn, status: "pending" });
    const audit = await h.call("ListAuditEvents", {}, { tenant: aws });
    expect(audit.body.data.events.map((e: { action: string }) => e.action)).toContain("cloud.role.bound");
  });

  it("never binds another account's role, nor a malformed ARN, nor another cloud's", async () => {
    const otherAccount = await h.call(
      "BindCloudRole",
      { provider: "aws", roleArn: `arn:aws:iam::${other.parentUid}:role/SkyportAccess` },
      { tenant: aws },
    );
    expect(otherAccount.body).toMatchObject({ code: "InvalidParameter", message: expect.stringContaining("your own account") });
    expect((await h.call("BindCloudRole", { provider: "aws", roleArn: "arn:aws:iam::1:role/x" }, { tenant: aws })).body.code).toBe(
      "InvalidParameter",
    );
    expect(
      (await h.call("BindCloudRole", { provider: "aliyun", roleArn: `acs:ram::${aws.parentUid}:role/x` }, { tenant: aws })).body.code,
    ).toBe("InvalidParameter");
  });

  it("lets only owners and admins change access; tenant B never sees A's", async () => {
    const member = await h.call(
      "BindCloudRole",
      { provider: "aliyun", roleArn: `acs:ram::${ali.parentUid}:role/AliyunSkyportRole` },
      { tenant: ali, userinfo: subAccount(ali, "ram-member") },
    );
    expect(member.body.code).toBe("Forbidden");
    const b = await h.call("DescribeCloudAccess", {}, { tenant: other });
    expect(JSON.stringify(b.body.data)).not.toContain(aws.parentUid);
  });

  it("unbinds, and says so when nothing was bound", async () => {
    await h.call("BindCloudRole", { provider: "aliyun", roleArn: `acs:ram::${ali.parentUid}:role/AliyunSkyportRole` }, { tenant: ali });
    expect((await h.call("UnbindCloudRole", { provider: "aliyun" }, { tenant: ali })).body.data).toEqual({
      provider: "aliyun",
      status: "pending",
    });
    expect((await h.call("UnbindCloudRole", { provider: "aliyun" }, { tenant: ali })).body.code).toBe("InvalidParameter");
  });
});
