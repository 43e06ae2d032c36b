import { randomBytes, randomUUID } from "node:crypto";
import { type SignedRequest, verifySigV4 } from "./sigv4";

export type SandboxIamRole = { trustedAccount: string; externalId: string | null; actions: Set<string> };
type Session = { secret: string; token: string; roleArn: string; expiresAt: number };

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const regions = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-northeast-1"];
const instanceTypes = [
  ["m7i.large", 2, 8192],
  ["m7i.xlarge", 4, 16384],
  ["c7i.large", 2, 4096],
  ["r7i.large", 2, 16384],
] as const;

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
    const signed = await verifySigV4(req, secrets, region, now());
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
          `<DescribeInstanceTypesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${randomUUID()}</requestId><instanceTypeSet>${instanceTypes.map(([t, cpu, mem]) => `<item><instanceType>${t}</instanceType><vCpuInfo><defaultVCpus>${cpu}</defaultVCpus></vCpuInfo><memoryInfo><sizeInMiB>${mem}</sizeInMiB></memoryInfo></item>`).join("")}</instanceTypeSet></DescribeInstanceTypesResponse>`,
        );
    }
    return (sts ? stsError : ec2Error)(400, "InvalidAction", `The action ${p.Action} is not valid for this web service.`);
  }

  return { handle, roles, registerIsv: (accessKeyId: string, account: string) => accountOf.set(accessKeyId, account) };
}

export type AwsCloudEmulator = ReturnType<typeof createAwsCloudEmulator>;
