import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { type Harness, mainAccount, startHarness, testKeys } from "../../test/gateway-harness";
import { signedQuery } from "./index";

let h: Harness;
let t: TestTenant;
beforeAll(async () => {
  h = await startHarness();
  t = await createTenant(h.db.platformDb);
});
afterAll(() => h.close());

const auditCount = (traceId: string) => h.db.platformDb.auditEvent.count({ where: { tenantId: t.id, traceId } });

describe("at most once per (channel, parentUid, traceId)", () => {
  it("runs a resent mutation once and answers the resend with the first answer", async () => {
    const traceId = `replay-${Date.now()}`;
    const url = `/api/UpdateTenantProfile?${signedQuery(testKeys[0]!, "UpdateTenantProfile", mainAccount(t), { displayName: "Once" }, traceId)}`;
    const first = await h.get(url);
    const second = await h.get(url);
    expect(first.body.code).toBe("OK");
    expect(first.headers.get("x-replayed")).toBeNull();
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("x-replayed")).toBe("true");
    expect(await auditCount(traceId)).toBe(1);
  });

  it("runs 20 concurrent duplicates exactly once", async () => {
    const traceId = `concurrent-${Date.now()}`;
    const url = `/api/UpdateTenantProfile?${signedQuery(testKeys[0]!, "UpdateTenantProfile", mainAccount(t), { displayName: "Concurrent" }, traceId)}`;
    const replies = await Promise.all(Array.from({ length: 20 }, () => h.get(url)));
    expect(replies.every((r) => r.body.code === "OK")).toBe(true);
    expect(replies.filter((r) => r.headers.get("x-replayed") !== "true")).toHaveLength(1);
    expect(await auditCount(traceId)).toBe(1);
  });

  it("does not record a failed mutation, so a corrected retry of it can run", async () => {
    const traceId = `failed-${Date.now()}`;
    const expired = await startHarness({ db: h.db, now: () => Date.now() + 400_000 });
    const refused = await expired.call(
      "UpdateTenantProfile",
      { displayName: "Retry" },
      { tenant: t, traceId, issuedAt: Math.floor(Date.now() / 1000) },
    );
    await expired.close();
    expect(refused.body.code).toBe("TokenExpired");
    const retried = await h.call("UpdateTenantProfile", { displayName: "Retry" }, { tenant: t, traceId });
    expect(retried.body.code).toBe("OK");
    expect(retried.headers.get("x-replayed")).toBeNull();
  });

  it("keeps traceIds of different tenants apart", async () => {
    const other = await createTenant(h.db.platformDb);
    const traceId = `shared-${Date.now()}`;
    const a = await h.call("UpdateTenantProfile", { displayName: "A" }, { tenant: t, traceId });
    const b = await h.call("UpdateTenantProfile", { displayName: "B" }, { tenant: other, traceId });
    expect([a.body.code, b.body.code]).toEqual(["OK", "OK"]);
    expect(b.headers.get("x-replayed")).toBeNull();
  });

  it("serves read-only actions again under the same traceId", async () => {
    const traceId = `read-${Date.now()}`;
    const first = await h.call("DescribeTenant", {}, { tenant: t, traceId });
    const again = await h.call("DescribeTenant", {}, { tenant: t, traceId });
    expect([first.body.code, again.body.code]).toEqual(["OK", "OK"]);
    expect(again.headers.get("x-replayed")).toBeNull();
  });
});
