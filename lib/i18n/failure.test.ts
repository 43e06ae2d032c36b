import { describe, expect, it } from "vitest";
import { translator } from "./catalogue";
import { cloudFailureText, failureText } from "./failure";

describe("failureText", () => {
  const en = translator("en");
  const zh = translator("zh-CN");

  it("translates the action's reason with its arguments", () => {
    expect(failureText(en, { code: "InvalidParameter", reason: { key: "cloud.roleOtherAccount", args: { account: "1001" } } })).toBe(
      "The role must be in your own account (1001).",
    );
    expect(failureText(zh, { code: "InvalidParameter", reason: { key: "cloud.noRole" } })).toContain("尚未绑定角色");
  });

  it("falls back to the error code's meaning when there is no reason, or one without a message", () => {
    expect(failureText(en, { code: "EntitlementExpired" })).toContain("renew it to make changes");
    expect(failureText(zh, { code: "Forbidden", reason: { key: "no.such.reason" } })).toContain("无权");
  });

  it("translates a stored cloud failure, and shows an unknown code as itself", () => {
    expect(cloudFailureText(en, { code: "PermissionsMissing", args: { permissions: "ecs:DescribeRegions" } })).toContain(
      "ecs:DescribeRegions",
    );
    expect(cloudFailureText(zh, { code: "RoleNotFound" })).toContain("不存在该角色");
    expect(cloudFailureText(en, { code: "SomethingNew" })).toBe("SomethingNew");
  });
});
