import { randomBytes, randomUUID } from "node:crypto";
import { aliyunInstanceTypes, aliyunMonthlyCny } from "./instance-catalogue";
import { createPopVerifier } from "./pop-signature";

export type SandboxRole = { trustedUid: string; externalId: string | null; actions: Set<string> };
type Session = { secret: string; token: string; roleArn: string; expiresAt: number };

const regions = [
  { RegionId: "cn-hangzhou", LocalName: "华东1（杭州）" },
  { RegionId: "cn-shanghai", LocalName: "华东2（上海）" },
  { RegionId: "cn-beijing", LocalName: "华北2（北京）" },
  { RegionId: "cn-shenzhen", LocalName: "华南1（深圳）" },
  { RegionId: "ap-southeast-1", LocalName: "新加坡" },
];
const instanceTypes = aliyunInstanceTypes().map((t) => ({
  InstanceTypeId: t.type,
  CpuCoreCount: t.vcpus,
  MemorySize: t.memoryGiB,
  InstanceTypeFamily: t.family,
}));

/**
 * Alibaba Cloud STS (2015-04-01) AssumeRole and ECS (2014-05-26)
 * DescribeRegions / DescribeInstanceTypes / DescribePrice, as buyers'
 * accounts answer them:
 * AssumeRole enforces the role's trust policy (the ISV account, the
 * ExternalId); ECS accepts only live STS credentials whose role allows the
 * action. The sandbox grants, revokes and trims roles.
 */
export function createAliyunCloudEmulator(isvKeys: ReadonlyMap<string, string>, now: () => number = Date.now) {
  const roles = new Map<string, SandboxRole>(); // by role ARN
  const pricing = { down: false };
  const sessions = new Map<string, Session>(); // by STS AccessKeyId
  const isvUidOf = new Map<string, string>(); // ISV AccessKeyId → ISV uid
  const secrets = new Map(isvKeys);
  const verify = createPopVerifier(secrets, now);
  const reply = (status: number, body: object) => ({ status, body: { RequestId: randomUUID().toUpperCase(), ...body } });
  const error = (status: number, code: string, message: string) => reply(status, { Code: code, Message: message });

  function handle(method: string, rawQuery: string) {
    const checked = verify(method, rawQuery);
    if (!checked.ok) return error(checked.status, checked.code, checked.message);
    const p = checked.params;
    if (p.Version === "2015-04-01" && p.Action === "AssumeRole") {
      const isvUid = isvUidOf.get(p.AccessKeyId ?? "");
      const role = roles.get(p.RoleArn ?? "");
      if (!isvUid) return error(403, "NoPermission", "You are not authorized to do this action.");
      if (!role) return error(404, "EntityNotExist.Role", `The role not exists: ${p.RoleArn}.`);
      if (role.trustedUid !== isvUid)
        return error(403, "NoPermission", "You are not authorized to do this action. The role does not trust you.");
      if (role.externalId !== null && role.externalId !== p.ExternalId)
        return error(403, "NoPermission.ExternalId", "The ExternalId does not match the role's trust policy.");
      const duration = Math.min(Math.max(Number(p.DurationSeconds ?? 3600), 900), 3600);
      const accessKeyId = `STS.${randomBytes(9).toString("hex")}`;
      const session = {
        secret: randomBytes(18).toString("base64url"),
        token: randomBytes(24).toString("base64url"),
        roleArn: p.RoleArn as string,
        expiresAt: now() + duration * 1000,
      };
      sessions.set(accessKeyId, session);
      secrets.set(accessKeyId, session.secret);
      return reply(200, {
        Credentials: {
          AccessKeyId: accessKeyId,
          AccessKeySecret: session.secret,
          SecurityToken: session.token,
          Expiration: new Date(session.expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
        },
        AssumedRoleUser: { Arn: `${p.RoleArn}/${p.RoleSessionName}`, AssumedRoleId: randomUUID() },
      });
    }
    if (p.Version === "2014-05-26") {
      const session = sessions.get(p.AccessKeyId ?? "");
      if (!session || session.token !== p.SecurityToken)
        return error(403, "InvalidSecurityToken.Mismatch", "Specified SecurityToken is not valid.");
      if (session.expiresAt < now()) return error(403, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
      const role = roles.get(session.roleArn);
      if (!role?.actions.has(`ecs:${p.Action}`))
        return error(
          403,
          "Forbidden.RAM",
          `User not authorized to operate on the specified resource, or this API doesn't support RAM: ecs:${p.Action}.`,
        );
      if (p.Action === "DescribeRegions") return reply(200, { Regions: { Region: regions } });
      if (p.Action === "DescribeInstanceTypes") return reply(200, { InstanceTypes: { InstanceType: instanceTypes } });
      if (p.Action === "DescribePrice") {
        if (pricing.down) return error(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
        const price = aliyunMonthlyCny(p.InstanceType ?? "", p.RegionId ?? "");
        if (price === undefined || p.PriceUnit !== "Month")
          return error(
            400,
            "InvalidInstanceType.ValueNotSupported",
            `The specified InstanceType ${p.InstanceType} is not supported in ${p.RegionId}.`,
          );
        return reply(200, { PriceInfo: { Price: { OriginalPrice: price, DiscountPrice: 0, TradePrice: price, Currency: "CNY" } } });
      }
    }
    return error(404, "InvalidAction.NotFound", `Specified api ${p.Action} is not found.`);
  }

  return {
    handle,
    roles,
    /** the price API answers, or (`down`) fails as an outage would */
    pricing,
    /** the ISV's own key: whose AssumeRole calls come from which ISV account */
    registerIsv: (accessKeyId: string, uid: string) => isvUidOf.set(accessKeyId, uid),
  };
}

export type AliyunCloudEmulator = ReturnType<typeof createAliyunCloudEmulator>;
