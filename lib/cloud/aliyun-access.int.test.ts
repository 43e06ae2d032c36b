import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveEmulator } from "../../test/serve-emulator";
import { createAliyunCloudEmulator } from "../sandbox/emulators/aliyun-cloud";
import { type AliyunAccessConfig, verifyAliyunAccess } from "./aliyun-access";
import { requiredPermissions } from "./permissions";

const isv = { uid: "5000", accessKeyId: "isv-ak", accessKeySecret: "isv-secret-0123456789" };
const cloud = createAliyunCloudEmulator(new Map([[isv.accessKeyId, isv.accessKeySecret]]));
cloud.registerIsv(isv.accessKeyId, isv.uid);
let server: Awaited<ReturnType<typeof serveEmulator>>;
let cfg: AliyunAccessConfig;

beforeAll(async () => {
  server = await serveEmulator((req) => cloud.handle(req.method, req.query));
  const endpoint = server.endpoint;
  cfg = { stsEndpoint: endpoint, ecsEndpoint: endpoint, accessKeyId: isv.accessKeyId, accessKeySecret: isv.accessKeySecret };
});
afterAll(() => server.close());

function grant(account: string, externalId: string, actions = requiredPermissions.map((p) => p.aliyun)) {
  const arn = `acs:ram::${account}:role/AliyunSkyportRole`;
  cloud.roles.set(arn, { trustedUid: isv.uid, externalId, actions: new Set(actions) });
  return arn;
}

describe("verifying Alibaba Cloud access through STS and ECS (real SDK, emulated cloud)", () => {
  it("assumes the role with the ExternalId and finds every permission: verified", async () => {
    const arn = grant("1001", "skyport-ext-1");
    expect(await verifyAliyunAccess(cfg, arn, "skyport-ext-1", "tenant-1")).toEqual({ status: "verified", missing: [], failure: null });
  });

  it("a wrong ExternalId is refused by the role's trust policy", async () => {
    const arn = grant("1002", "skyport-ext-2");
    const r = await verifyAliyunAccess(cfg, arn, "skyport-someone-else", "tenant-2");
    expect(r).toMatchObject({ status: "failed", failure: { code: "ExternalIdMismatch" } });
  });

  it("a revoked role fails with the reason", async () => {
    const arn = grant("1003", "skyport-ext-3");
    cloud.roles.delete(arn);
    expect(await verifyAliyunAccess(cfg, arn, "skyport-ext-3", "tenant-3")).toMatchObject({
      status: "failed",
      failure: { code: "RoleNotFound" },
    });
  });

  it("one missing permission is listed by name", async () => {
    const arn = grant("1004", "skyport-ext-4", ["ecs:DescribeRegions"]);
    expect(await verifyAliyunAccess(cfg, arn, "skyport-ext-4", "tenant-4")).toMatchObject({
      status: "failed",
      missing: ["DescribeInstanceTypes"],
    });
  });

  it("a role that trusts another account is refused", async () => {
    const arn = `acs:ram::1005:role/AliyunSkyportRole`;
    cloud.roles.set(arn, { trustedUid: "9999", externalId: "skyport-ext-5", actions: new Set(["ecs:DescribeRegions"]) });
    expect(await verifyAliyunAccess(cfg, arn, "skyport-ext-5", "tenant-5")).toMatchObject({
      status: "failed",
      failure: { code: "RoleNotTrusted" },
    });
  });
});

describe("when STS misbehaves", () => {
  it("throttling and an unreachable STS give a clear reason, never a stack trace or a credential", async () => {
    const busy = await serveEmulator(() => ({
      status: 400,
      body: { RequestId: "r", Code: "Throttling.User", Message: "Request was denied due to user flow control." },
    }));
    const throttled = await verifyAliyunAccess(
      { ...cfg, stsEndpoint: busy.endpoint },
      "acs:ram::1006:role/AliyunSkyportRole",
      "skyport-x",
      "tenant-6",
    );
    await busy.close();
    expect(throttled).toEqual({ status: "failed", missing: [], failure: { code: "CloudBusy", args: { cloud: "aliyun" } } });
    const down = await verifyAliyunAccess(
      { ...cfg, stsEndpoint: "http://127.0.0.1:1" },
      "acs:ram::1006:role/AliyunSkyportRole",
      "skyport-x",
      "tenant-6",
    );
    expect(down).toEqual({ status: "failed", missing: [], failure: { code: "CloudUnreachable", args: { cloud: "aliyun" } } });
  });
});
