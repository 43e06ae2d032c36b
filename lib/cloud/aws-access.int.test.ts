import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveEmulator } from "../../test/serve-emulator";
import { createAwsCloudEmulator } from "../sandbox/emulators/aws-cloud";
import { type AwsAccessConfig, verifyAwsAccess } from "./aws-access";

const isv = { account: "210987654321", key: "AKIAISVTEST", secret: "isv-aws-secret-0123456789" };
const cloud = createAwsCloudEmulator(new Map([[isv.key, isv.secret]]), "us-east-1");
cloud.registerIsv(isv.key, isv.account);
let server: Awaited<ReturnType<typeof serveEmulator>>;
let cfg: AwsAccessConfig;

beforeAll(async () => {
  server = await serveEmulator((req) => cloud.handle(req), "text/xml");
  cfg = {
    stsEndpoint: server.endpoint,
    ec2Endpoint: server.endpoint,
    region: "us-east-1",
    accessKeyId: isv.key,
    secretAccessKey: isv.secret,
    isvAccountId: isv.account,
  };
});
afterAll(() => server.close());

function grant(account: string, externalId: string, actions = ["ec2:DescribeRegions", "ec2:DescribeInstanceTypes"]) {
  const arn = `arn:aws:iam::${account}:role/SkyportAccess`;
  cloud.roles.set(arn, { trustedAccount: isv.account, externalId, actions: new Set(actions) });
  return arn;
}

describe("verifying AWS access through STS and EC2 (real AWS SDK, emulated account)", () => {
  it("verified with the right ExternalId and every permission", async () => {
    expect(await verifyAwsAccess(cfg, grant("111111111111", "skyport-a"), "skyport-a", "tenant-a")).toEqual({
      status: "verified",
      missing: [],
      failure: null,
    });
  });

  it("a wrong ExternalId is refused by design", async () => {
    const r = await verifyAwsAccess(cfg, grant("222222222222", "skyport-b"), "skyport-not-b", "tenant-b");
    expect(r).toMatchObject({ status: "failed", failure: { code: "AssumeRoleDenied", args: { externalId: "skyport-not-b" } } });
  });

  it("one missing permission is listed by name; a revoked role fails with the reason", async () => {
    expect(await verifyAwsAccess(cfg, grant("333333333333", "skyport-c", ["ec2:DescribeRegions"]), "skyport-c", "tenant-c")).toMatchObject({
      missing: ["DescribeInstanceTypes"],
    });
    const arn = grant("444444444444", "skyport-d");
    cloud.roles.delete(arn);
    expect(await verifyAwsAccess(cfg, arn, "skyport-d", "tenant-d")).toMatchObject({
      status: "failed",
      failure: { code: "AssumeRoleDenied" },
    });
  });

  it("refuses a request signed with the wrong secret", async () => {
    const r = await verifyAwsAccess(
      { ...cfg, secretAccessKey: "guessed-secret-000000000" },
      grant("555555555555", "skyport-e"),
      "skyport-e",
      "tenant-e",
    );
    expect(r.status).toBe("failed");
  });
});
