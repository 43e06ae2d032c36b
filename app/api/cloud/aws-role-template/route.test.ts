import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Runtime, startRuntime } from "@/lib/runtime";
import { testConfig } from "@/test/config";
import { GET } from "./route";

let rt: Runtime;
beforeAll(() => {
  rt = startRuntime(testConfig({ AWS_ISV_ACCOUNT_ID: "210987654321", AWS_ROLE_NAME: "SkyportAccess" }), inject("dbUrls"));
});
afterAll(() => rt.close());

const template = (query: string) => GET(new Request(`http://localhost/api/cloud/aws-role-template${query}`));

describe("/api/cloud/aws-role-template", () => {
  it("answers the CloudFormation template for the tenant's ExternalId, trusting only the ISV's account", async () => {
    const res = await template("?externalId=skyport-0123456789abcdef");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const text = await res.text();
    expect(text).toContain("skyport-0123456789abcdef");
    expect(text).toContain("arn:aws:iam::210987654321:root");
    expect(text).toContain("SkyportAccess");
  });

  it("refuses a missing or malformed ExternalId with a code, never echoing it", async () => {
    for (const query of [
      "",
      "?externalId=",
      "?externalId=skyport-short",
      "?externalId=<script>alert(1)</script>",
      "?externalId=skyport-0123456789abcdef0",
    ]) {
      const res = await template(query);
      expect(res.status, query).toBe(400);
      const body = await res.json();
      expect(body.code).toBe("InvalidParameter");
      expect(JSON.stringify(body)).not.toContain("script");
    }
  });
});
