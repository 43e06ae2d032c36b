import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testConfig } from "../../test/config";
import { createTenant } from "../../test/factories";
import { readHealth } from "../backoffice";
import { createDatabase, type Database } from "../db";
import { purgeReleasedTenants, queues, startJobs } from "./index";

let db: Database;
beforeAll(() => {
  db = createDatabase(inject("dbUrls"), 2);
});
afterAll(() => db.close());

const day = 86_400_000;
async function closedTenant(daysAgo: number) {
  const t = await createTenant(db.platformDb);
  await db.platformDb.tenant.update({ where: { id: t.id }, data: { status: "closed", closedAt: new Date(Date.now() - daysAgo * day) } });
  await db.platformDb.auditEvent.create({ data: { tenantId: t.id, actorUid: "x", action: "seeded", target: "t" } });
  return t;
}

describe("purging released tenants", () => {
  it("deletes tenants closed longer than the grace period with all their data, and audits each purge", async () => {
    const old = await closedTenant(8);
    const recent = await closedTenant(6);
    const active = await createTenant(db.platformDb);
    const purged = await purgeReleasedTenants(db.platformDb, { graceDays: 7, now: new Date() });
    expect(purged).toContain(old.id);
    expect(purged).not.toContain(recent.id);
    expect(await db.platformDb.tenant.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.platformDb.auditEvent.count({ where: { tenantId: old.id } })).toBe(0);
    expect(await db.platformDb.subscription.count({ where: { tenantId: old.id } })).toBe(0);
    expect(await db.platformDb.tenant.count({ where: { id: { in: [recent.id, active.id] } } })).toBe(2);
    const audit = await db.platformDb.platformAuditEvent.findFirst({ where: { target: `tenant:${old.id}` } });
    expect(audit).toMatchObject({
      action: "tenant.purged",
      actor: "job:purge-released-tenants",
      payload: { externalId: old.parentUid, graceDays: 7 },
    });
  });

  it("runs as a pg-boss job", async () => {
    const old = await closedTenant(30);
    const jobs = await startJobs({
      ownerUrl: inject("dbUrls").owner,
      platformDb: db.platformDb,
      config: testConfig(),
      aliyun: undefined,
      cloud: {},
      metering: [],
      log: pino({ level: "silent" }),
      reportOutage: () => false,
    });
    try {
      await jobs.boss.send(queues.purgeReleasedTenants, {});
      for (let i = 0; i < 60 && (await db.platformDb.tenant.findUnique({ where: { id: old.id } })); i++)
        await new Promise((r) => setTimeout(r, 500));
      expect(await db.platformDb.tenant.findUnique({ where: { id: old.id } })).toBeNull();
      // /ops/health shows the queues of our jobs, not pg-boss's own, which the queue table holds too
      const all = await db.opsDb.$queryRaw<{ name: string }[]>`SELECT name FROM job_queue_counts()`;
      expect(all.map((q) => q.name)).toContain("__pgboss__send-it");
      const shown = (await readHealth(db.opsDb, 30)).queues.map((q) => q.name);
      expect(shown).toContain(queues.purgeReleasedTenants);
      expect(shown.filter((name) => !Object.values<string>(queues).includes(name))).toEqual([]);
    } finally {
      await jobs.stop();
    }
  });
});
