import { randomBytes, randomUUID } from "node:crypto";
import { awsHourlyUsd, awsInstanceTypes, awsRegions } from "./instance-catalogue";
import { type SignedRequest, verifySigV4 } from "./sigv4";

export type SandboxIamRole = { trustedAccount: string; externalId: string | null; actions: Set<string> };
type Session = { secret: string; token: string; roleArn: string; expiresAt: number };

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const regions = awsRegions;

/**
 * A buyer's AWS account as far as Skyport touches it: STS AssumeRole
 * (2011-06-15) and EC2 DescribeRegions / DescribeInstanceTypes (2016-11-15),
 * Query protocol with XML answers, SigV4-signed. AssumeRole enforces the
 * role's trust (the ISV account) and ExternalId, answering AccessDenied as
 * AWS does without saying which; EC2 accepts only live session credentials
 * whose role allows the action.
 */
export function createAwsCloudEmulator(isvKeys: ReadonlyMap<string, string>, region: string, now: () => number = Date.now) {
  const roles = new Map<string, SandboxIamRole>();
  const pricing = { down: false };
  const sessions = new Map<string, Session>();
  const accountOf = new Map<string, string>(); // ISV access key → ISV account
  const secrets = new Map(isvKeys);
  const reply = (status: number, body: string) => ({ status, body });
  const stsError = (status: number, code: string, message: string) =>
    reply(
      status,
      `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${xml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
    );
  const ec2Error = (status: number, code: string, message: string) =>
    reply(
      status,
      `<Response><Errors><Error><Code>${code}</Code><Message>${xml(message)}</Message></Error></Errors><RequestID>${randomUUID()}</RequestID></Response>`,
    );

  async function handle(req: SignedRequest) {
    // STS and the Price List answer in the configured region; EC2 in every region it serves
    const signed = await verifySigV4(req, secrets, [region, ...regions], now());
    if (String(req.headers["x-amz-target"] ?? "").startsWith("AWSPriceListService.")) return priceList(req, signed);
    const p = Object.fromEntries(new URLSearchParams(req.body));
    const sts = p.Version === "2011-06-15";
    if (!signed.ok)
      return (sts ? stsError : ec2Error)(
        signed.status,
        signed.type === "InvalidSignatureException" ? "SignatureDoesNotMatch" : signed.type,
        signed.message,
      );
    if (sts && p.Action === "AssumeRole") {
      const caller = accountOf.get(signed.accessKeyId);
      const role = roles.get(p.RoleArn ?? "");
      const allowed = caller && role && role.trustedAccount === caller && (role.externalId === null || role.externalId === p.ExternalId);
      if (!allowed) return stsError(403, "AccessDenied", `User is not authorized to perform: sts:AssumeRole on resource: ${p.RoleArn}`);
      const key = `ASIA${randomBytes(8).toString("hex").toUpperCase()}`;
      const session = {
        secret: randomBytes(20).toString("base64url"),
        token: randomBytes(32).toString("base64url"),
        roleArn: p.RoleArn as string,
        expiresAt: now() + 3600_000,
      };
      sessions.set(key, session);
      secrets.set(key, session.secret);
      return reply(
        200,
        `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>${key}</AccessKeyId><SecretAccessKey>${session.secret}</SecretAccessKey><SessionToken>${session.token}</SessionToken><Expiration>${new Date(session.expiresAt).toISOString()}</Expiration></Credentials><AssumedRoleUser><Arn>${xml(p.RoleArn as string)}/${xml(p.RoleSessionName ?? "")}</Arn><AssumedRoleId>AROA${randomBytes(8).toString("hex").toUpperCase()}:${xml(p.RoleSessionName ?? "")}</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></AssumeRoleResponse>`,
      );
    }
    if (p.Version === "2016-11-15") {
      const session = sessions.get(signed.accessKeyId);
      const token = req.headers["x-amz-security-token"];
      if (!session || session.token !== token)
        return ec2Error(401, "AuthFailure", "AWS was not able to validate the provided access credentials");
      if (session.expiresAt < now()) return ec2Error(400, "RequestExpired", "Request has expired.");
      if (!roles.get(session.roleArn)?.actions.has(`ec2:${p.Action}`))
        return ec2Error(403, "UnauthorizedOperation", `You are not authorized to perform this operation. ec2:${p.Action}`);
      if (p.Action === "DescribeRegions")
        return reply(
          200,
          `<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${randomUUID()}</requestId><regionInfo>${regions.map((r) => `<item><regionName>${r}</regionName><regionEndpoint>ec2.${r}.amazonaws.com</regionEndpoint></item>`).join("")}</regionInfo></DescribeRegionsResponse>`,
        );
      if (p.Action === "DescribeInstanceTypes")
        return reply(
          200,
          `<DescribeInstanceTypesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${randomUUID()}</requestId><instanceTypeSet>${awsInstanceTypes()
            .map(
              (t) =>
                `<item><instanceType>${t.type}</instanceType><vCpuInfo><defaultVCpus>${t.vcpus}</defaultVCpus></vCpuInfo><memoryInfo><sizeInMiB>${t.memoryGiB * 1024}</sizeInMiB></memoryInfo></item>`,
            )
            .join("")}</instanceTypeSet></DescribeInstanceTypesResponse>`,
        );
    }
    return (sts ? stsError : ec2Error)(400, "InvalidAction", `The action ${p.Action} is not valid for this web service.`);
  }

  /**
   * The Price List API's GetProducts (AWS JSON 1.1): on-demand Linux prices of
   * EC2 instance types in a region, as AWS shapes them (each product a JSON
   * string); refused unless the session's role allows pricing:GetProducts.
   */
  function priceList(req: SignedRequest, signed: Awaited<ReturnType<typeof verifySigV4>>) {
    const json = (status: number, body: object) => ({ status, body: JSON.stringify(body) });
    if (!signed.ok) return json(signed.status, { __type: signed.type, message: signed.message });
    const session = sessions.get(signed.accessKeyId);
    if (!session || session.token !== req.headers["x-amz-security-token"])
      return json(400, { __type: "UnrecognizedClientException", message: "The security token included in the request is invalid." });
    if (!roles.get(session.roleArn)?.actions.has("pricing:GetProducts"))
      return json(400, { __type: "AccessDeniedException", message: "User is not authorized to perform: pricing:GetProducts" });
    if (pricing.down) return json(503, { __type: "ServiceUnavailableException", message: "Service is unavailable." });
    const input = JSON.parse(req.body || "{}") as { ServiceCode?: string; Filters?: { Field: string; Value: string }[] };
    const regionCode = input.Filters?.find((f) => f.Field === "regionCode")?.Value ?? "";
    if (input.ServiceCode !== "AmazonEC2") return json(400, { __type: "InvalidParameterException", message: "Unknown ServiceCode" });
    const PriceList = awsInstanceTypes()
      .map((t) => ({ t, usd: awsHourlyUsd(t.type, regionCode) }))
      .filter((x) => x.usd !== undefined)
      .map(({ t, usd }) =>
        JSON.stringify({
          product: {
            productFamily: "Compute Instance",
            attributes: { instanceType: t.type, regionCode, operatingSystem: "Linux", tenancy: "Shared" },
          },
          terms: {
            OnDemand: {
              [`${t.type}.JRTCKXETXF`]: {
                priceDimensions: { [`${t.type}.JRTCKXETXF.6YS6EN2CT7`]: { unit: "Hrs", pricePerUnit: { USD: String(usd) } } },
              },
            },
          },
        }),
      );
    return json(200, { FormatVersion: "aws_v1", PriceList });
  }

  return {
    handle,
    roles,
    /** the price API answers, or (`down`) fails as an outage would */
    pricing,
    registerIsv: (accessKeyId: string, account: string) => accountOf.set(accessKeyId, account),
  };
}

export type AwsCloudEmulator = ReturnType<typeof createAwsCloudEmulator>;
