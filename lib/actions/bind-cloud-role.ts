import { z } from "zod";
import { checkRoleArn, ensureAccess, setRole } from "../cloud";
import { invalid, managers } from "../gateway";
import { ownCloud, provider } from "./own-cloud";
import { defineAction } from "./services";

export const bindCloudRole = defineAction({
  name: "BindCloudRole",
  params: z.strictObject({ provider, roleArn: z.string().trim().min(1).max(2048) }),
  roles: managers,
  mutates: true,
  async handler({ tx, tenantId, caller, audit }, p) {
    ownCloud(caller, p.provider);
    const checked = checkRoleArn(p.provider, p.roleArn, caller.parentUid);
    if (!checked.ok)
      throw checked.reason === "other-account"
        ? invalid(`the role must be in your own account (${caller.parentUid})`, {
            key: "cloud.roleOtherAccount",
            args: { account: caller.parentUid },
          })
        : invalid(
            p.provider === "aws"
              ? "roleArn must look like arn:aws:iam::<12-digit account>:role/<name>"
              : "roleArn must look like acs:ram::<uid>:role/<name>",
            { key: p.provider === "aws" ? "cloud.awsRoleArnMalformed" : "cloud.aliyunRoleArnMalformed" },
          );
    await ensureAccess(tx, tenantId, p.provider);
    await setRole(tx, tenantId, p.provider, p.roleArn);
    await audit({ action: "cloud.role.bound", target: `cloud:${p.provider}`, payload: { roleArn: p.roleArn } });
    return { provider: p.provider, roleArn: p.roleArn, status: "pending" as const };
  },
});
