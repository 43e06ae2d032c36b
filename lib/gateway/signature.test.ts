import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { accessToken, stringToSign } from "./signature";

// shared/specs/console-gateway.md, "Test vector"
const vector = {
  secret: "console-secret-1",
  keyId: "k1",
  action: "DescribeTenant",
  userinfoJson: '{"uid":"1001","parentUid":"1001","accountType":"main","marketplace":"aliyun"}',
  params: "e30",
  traceId: "trace-0001",
  issuedAt: 1767225600,
};

describe("the spec's signature test vector", () => {
  it("is reproduced from its inputs with plain Node crypto", () => {
    const userinfo = Buffer.from(vector.userinfoJson).toString("base64url");
    expect(userinfo).toBe("eyJ1aWQiOiIxMDAxIiwicGFyZW50VWlkIjoiMTAwMSIsImFjY291bnRUeXBlIjoibWFpbiIsIm1hcmtldHBsYWNlIjoiYWxpeXVuIn0");
    const text = ["GET", `/api/${vector.action}`, userinfo, vector.params, vector.traceId, String(vector.issuedAt)].join("\n");
    const signature = createHmac("sha256", vector.secret).update(text).digest("base64url");
    expect(signature).toBe("W_2TAP-sRtJgDYLIy70Yqaccz5VQE7SXGa-BTxfSDfw");

    const fields = { action: vector.action, userinfo, params: vector.params, traceId: vector.traceId, issuedAt: vector.issuedAt };
    expect(stringToSign(fields)).toBe(text);
    expect(accessToken(vector.keyId, vector.secret, fields)).toBe(`v1.k1.1767225600.${signature}`);
  });
});
