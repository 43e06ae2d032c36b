export type Provider = "aliyun" | "aws";

const patterns: Record<Provider, RegExp> = {
  aws: /^arn:aws(?:-cn|-us-gov)?:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/,
  aliyun: /^acs:ram::(\d{1,32}):role\/([\w.-]{1,64})$/,
};

export type RoleArnCheck = { ok: true; account: string; roleName: string } | { ok: false; reason: "malformed" | "other-account" };

/**
 * A role ARN is accepted only in the provider's format and only in the
 * tenant's own account: a tenant can never point Skyport at another
 * account's role (and so at another tenant's).
 */
export function checkRoleArn(provider: Provider, arn: string, tenantAccount: string): RoleArnCheck {
  const m = patterns[provider].exec(arn);
  if (!m) return { ok: false, reason: "malformed" };
  const [, account = "", roleName = ""] = m;
  return account === tenantAccount ? { ok: true, account, roleName } : { ok: false, reason: "other-account" };
}

/** The role Alibaba's marketplace provisions at purchase. */
export const aliyunRoleArn = (aliUid: string, roleName: string) => `acs:ram::${aliUid}:role/${roleName}`;
