import { awsRoleTemplate } from "@/lib/cloud";
import { runtime } from "@/lib/runtime";

/**
 * The CloudFormation template behind the AWS quick-create link. The ExternalId
 * is not a secret (the buyer is shown it); it only pins the role to the tenant.
 */
export async function GET(request: Request) {
  const externalId = new URL(request.url).searchParams.get("externalId") ?? "";
  if (!/^skyport-[\w-]{16}$/.test(externalId))
    return Response.json({ code: "InvalidParameter", message: "externalId is missing or malformed" }, { status: 400 });
  const { config } = runtime();
  const template = awsRoleTemplate(
    { aliyunUid: config.ALIYUN_ISV_UID, awsAccountId: config.AWS_ISV_ACCOUNT_ID },
    externalId,
    config.AWS_ROLE_NAME,
  );
  return Response.json(template, { headers: { "cache-control": "no-store" } });
}
