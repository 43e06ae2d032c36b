import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testConfig } from "../../test/config";
import { createTenant, type TestTenant } from "../../test/factories";
import { describeCaller, describeTenant, listAuditEvents, verifyCloudAccess } from "../actions";
import { callAction } from "./call-action";
import { type Runtime, startRuntime } from "./index";

let rt: Runtime;
let t: TestTenant;
const main = () => ({ channel: t.channel, uid: t.parentUid, parentUid: t.parentUid });

beforeAll(async () => {
  rt = startRuntime(testConfig(), inject("dbUrls"));
  t = await createTenant(rt.db.platformDb);
});
afterAll(() => rt.close());

describe("callAction (pages → the gateway, in process)", () => {
  it("answers the action's typed data under a fresh traceId", async () => {
    const r = await callAction(main(), describeTenant, {});
    expect(r).toMatchObject({ ok: true, data: { id: t.id, channel: "aliyun", plan: "standard" } });
    expect(r.traceId).toMatch(/^web-[0-9a-f-]{36}$/);
    expect((await callAction(main(), describeTenant, {})).traceId).not.toBe(r.traceId);
  });

  it("signs for the caller as the spec's userinfo: a different uid is a sub-user, with the locale carried", async () => {
    const r = await callAction({ ...main(), uid: "ram-user-1", locale: "zh-CN" }, describeCaller, {});
    expect(r).toMatchObject({ ok: true, data: { uid: "ram-user-1", parentUid: t.parentUid, accountType: "sub", role: "member" } });
  });

  it("gives a failure the action's reason key to translate, beside the wire's English", async () => {
    const r = await callAction(main(), verifyCloudAccess, { provider: "aliyun" });
    expect(r).toMatchObject({ ok: false, code: "InvalidParameter", reason: { key: "cloud.noRole" } });
    expect(r.ok || r.message).toContain("bind one first");
  });

  it("gives a failure without a reason only its code (and trace), for the page to translate by code", async () => {
    const forbidden = await callAction({ ...main(), uid: "ram-viewer" }, listAuditEvents, {});
    expect(forbidden).toMatchObject({ ok: false, code: "Forbidden" });
    expect(forbidden.ok || forbidden.reason).toBeUndefined();
    const unknown = await callAction({ channel: "aliyun", uid: "no-such-buyer", parentUid: "no-such-buyer" }, describeTenant, {});
    expect(unknown).toMatchObject({ ok: false, code: "TenantNotFound" });
  });

  it("refuses, loudly, a channel the configuration has no key for", async () => {
    const keys = rt.config.CONSOLE_KEYS;
    rt.config.CONSOLE_KEYS = keys.filter((k) => k.channel !== "aws");
    try {
      await expect(callAction({ channel: "aws", uid: "1", parentUid: "1" }, describeTenant, {})).rejects.toThrow(/no key for channel aws/);
    } finally {
      rt.config.CONSOLE_KEYS = keys;
    }
  });
});
