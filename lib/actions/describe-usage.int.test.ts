import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant } from "../../test/factories";
import { type Harness, startHarness } from "../../test/gateway-harness";
import { billedTenant, ledgerEvents, recordFor, thisHour } from "../../test/metering-fixtures";
import { createDatabase, type Database } from "../db";

let h: Harness;
let db: Database;
beforeAll(async () => {
  db = createDatabase(inject("dbUrls"), 4);
  h = await startHarness({ db });
});
afterAll(async () => {
  await h.close();
  await db.close();
});

describe("DescribeUsage", () => {
  it("totals each metric of the month by day, with the plan's limits; other tenants' usage is not counted", async () => {
    const t = await createTenant(db.platformDb);
    const other = await createTenant(db.platformDb);
    const now = new Date();
    await ledgerEvents(db.platformDb, t, "task_runs", [2, 3], now);
    await ledgerEvents(db.platformDb, other, "task_runs", [100], now);
    const r = await h.call("DescribeUsage", {}, { tenant: t });
    expect(r.body.data.month).toBe(now.toISOString().slice(0, 7));
    expect(r.body.data.metrics).toContainEqual({ metric: "task_runs", unit: "run", total: 5, limit: 5000 });
    expect(r.body.data.daily.at(-1)).toMatchObject({ day: now.toISOString().slice(0, 10), task_runs: 5 });
    expect(r.body.data.hosts).toEqual({ enrolled: 0, limit: 100 });
    expect((await h.call("DescribeUsage", { month: "2099-01" }, { tenant: t })).body.code).toBe("InvalidParameter");
    expect((await h.call("DescribeUsage", { month: "2026-13" }, { tenant: t })).body.code).toBe("InvalidParameter");
  });
});

describe("DescribeMetering", () => {
  it("sets the ledger, what was pushed and what the channel acknowledged side by side per hour, flagging what disagrees", async () => {
    const t = await billedTenant(db.platformDb, "aws", "arn:aws:license-manager::1:license:l-1");
    const hour = thisHour();
    await recordFor(db.platformDb, t, "task_runs", [4, 5], hour);
    await db.platformDb.meteringRecord.update({
      where: { tenantId_channel_metric_hour: { tenantId: t.id, channel: "aws", metric: "task_runs", hour } },
      data: { state: "accepted", acceptedQuantity: 9 },
    });
    await recordFor(db.platformDb, t, "api_calls", [7], hour);
    await db.platformDb.meteringRecord.update({
      where: { tenantId_channel_metric_hour: { tenantId: t.id, channel: "aws", metric: "api_calls", hour } },
      data: { state: "dead", reason: "past the channel's window" },
    });
    const failing = await billedTenant(db.platformDb, "aws", "arn:aws:license-manager::2:license:l-2");
    await recordFor(db.platformDb, failing, "task_runs", [1], hour);
    await db.platformDb.meteringRecord.updateMany({
      where: { tenantId: failing.id },
      data: { state: "pending", reason: "TimeoutError: connect ETIMEDOUT 10.0.0.7:443" },
    });
    const hidden = (await h.call("DescribeMetering", {}, { tenant: failing })).body.data.hours[0];
    expect(hidden.reason).toBe("TimeoutError"); // the channel's code, not the address it failed to reach
    // usage recorded but not summed yet
    await ledgerEvents(db.platformDb, t, "managed_host_hours", [1], hour);
    const r = await h.call("DescribeMetering", {}, { tenant: t });
    const byMetric = Object.fromEntries(r.body.data.hours.map((x: { metric: string }) => [x.metric, x]));
    expect(byMetric.task_runs).toMatchObject({
      hour: hour.toISOString(),
      ledger: 9,
      pushed: 9,
      accepted: 9,
      state: "accepted",
      dimension: "task_runs",
      match: true,
    });
    expect(byMetric.api_calls).toMatchObject({ ledger: 7, pushed: 7, state: "dead", reason: "past the channel's window", match: false });
    expect(byMetric.managed_host_hours).toMatchObject({ ledger: 1, pushed: null, state: null, match: null });
    expect((await h.call("DescribeMetering", { day: "yesterday" }, { tenant: t })).body.code).toBe("InvalidParameter");
  });

  it("counts an event stamped a little ahead (within the 5 minutes allowed) in the hour it was recorded, as the push does", async () => {
    const t = await billedTenant(db.platformDb, "aws", "arn:aws:license-manager::3:license:l-3");
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const midnight = new Date(`${day}T00:00:00Z`).getTime() + 86_400_000; // the end of that day
    await db.platformDb.usageEvent.create({
      data: {
        tenantId: t.id,
        metric: "task_runs",
        quantity: 2,
        occurredAt: new Date(midnight + 3 * 60_000), // the client's clock is 3 minutes ahead
        recordedAt: new Date(midnight - 60_000), // recorded at 23:59
        idempotencyKey: "skewed",
        source: "api",
      },
    });
    const r = await h.call("DescribeMetering", { day }, { tenant: t });
    expect(r.body.data.hours).toMatchObject([{ hour: new Date(midnight - 3_600_000).toISOString(), metric: "task_runs", ledger: 2 }]);
  });
});
