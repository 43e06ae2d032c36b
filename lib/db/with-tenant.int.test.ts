import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { countRoundTrips } from "../../test/round-trips";
import { createDatabase, type Database, type Guard, readAsTenant, sql, tenantIdsOf, withTenant } from "./index";

let db: Database;
let a: TestTenant;
let roundTrips: { count: number };
beforeAll(async () => {
  db = createDatabase(inject("dbUrls"), 2);
  a = await createTenant(db.platformDb);
  roundTrips = countRoundTrips(db.appPool);
});
afterAll(() => db.close());

/** A guard on the tenant's display name, as the gateway's guard is on the caller's context. */
function nameGuard(withFirstStatement: boolean, refuse: boolean, seen: string[] = []): Guard {
  return {
    statement: sql`SELECT display_name FROM tenants WHERE id = ${a.id}`,
    withFirstStatement,
    check: (rows) => {
      seen.push(String(rows[0]?.display_name));
      if (refuse) throw new Error("refused by the guard");
    },
  };
}

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; roundTrips: number }> {
  const before = roundTrips.count;
  const result = await work();
  return { result, roundTrips: roundTrips.count - before };
}

describe.each([
  ["readAsTenant", readAsTenant],
  ["withTenant", withTenant],
] as const)("%s with a guard", (_, scope) => {
  it("sent with the first statement: one round trip, and the check sees the tenant's row", async () => {
    const seen: string[] = [];
    const { result, roundTrips: trips } = await counted(() =>
      scope(db.appPool, a.id, (tx) => tx.query`SELECT id FROM tenants`, nameGuard(true, false, seen)),
    );
    expect(result).toEqual([{ id: a.id }]);
    expect(seen).toEqual([`Tenant ${a.parentUid}`]); // the factory's display name, read under the tenant's policy
    expect(trips).toBe(scope === withTenant ? 2 : 1); // withTenant's COMMIT is the second
  });

  it("sent with the first statement: a refusal reaches fn before its rows do", async () => {
    const got: unknown[] = [];
    await expect(
      scope(
        db.appPool,
        a.id,
        async (tx) => {
          got.push(await tx.query`SELECT id FROM tenants`);
          return "done";
        },
        nameGuard(true, true),
      ),
    ).rejects.toThrow("refused by the guard");
    expect(got).toEqual([]);
  });

  it("also refuses the statements fn sent alongside the first", async () => {
    const settled: PromiseSettledResult<unknown>[] = [];
    await expect(
      scope(
        db.appPool,
        a.id,
        async (tx) => {
          settled.push(...(await Promise.allSettled([tx.query`SELECT id FROM tenants`, tx.query`SELECT 2 AS two`])));
        },
        nameGuard(true, true),
      ),
    ).rejects.toThrow("refused by the guard");
    expect(settled.map((s) => s.status)).toEqual(["rejected", "rejected"]);
  });

  it("stands even when fn catches it", async () => {
    await expect(
      scope(
        db.appPool,
        a.id,
        async (tx) => {
          await tx.query`SELECT id FROM tenants`.catch(() => []);
          return tx.query`SELECT id FROM tenants`;
        },
        nameGuard(true, true),
      ),
    ).rejects.toThrow("refused by the guard");
  });

  it("still decides when fn runs no statement", async () => {
    await expect(scope(db.appPool, a.id, async () => "no statement", nameGuard(true, true))).rejects.toThrow("refused by the guard");
    expect(await scope(db.appPool, a.id, async () => "no statement", nameGuard(true, false))).toBe("no statement");
  });

  it("settled first: fn does not run when it refuses", async () => {
    let ran = false;
    await expect(
      scope(
        db.appPool,
        a.id,
        async () => {
          ran = true;
        },
        nameGuard(false, true),
      ),
    ).rejects.toThrow("refused by the guard");
    expect(ran).toBe(false);
  });
});

describe.each([
  ["readAsTenant", readAsTenant],
  ["withTenant", withTenant],
] as const)("%s for a tenant named by its account", (_, scope) => {
  it("resolves the tenant in the first round trip and shows only its rows, to every statement", async () => {
    const other = await createTenant(db.platformDb);
    const { result, roundTrips: trips } = await counted(() =>
      scope(db.appPool, { channel: a.channel, externalId: a.parentUid }, async (tx) => [
        await tx.query`SELECT id FROM tenants`,
        await tx.query`SELECT id FROM tenants WHERE id = ${other.id}`,
        await tx.query`SELECT id FROM tenants`,
      ]),
    );
    expect(result).toEqual([[{ id: a.id }], [], [{ id: a.id }]]);
    expect(trips).toBe(scope === withTenant ? 4 : 3); // one per statement, and withTenant's COMMIT
  });

  it("shows no rows at all for an account that has no tenant", async () => {
    const rows = await scope(db.appPool, { channel: "aliyun", externalId: "no-such-account" }, (tx) => tx.query`SELECT id FROM tenants`);
    expect(rows).toEqual([]);
  });
});

describe("tenant_id_of", () => {
  it("tells the app role a tenant's id and nothing else, and is the only way it reads across tenants", async () => {
    const client = await db.appPool.connect();
    try {
      const { rows } = await client.query("SELECT tenant_id_of($1, $2) AS id", [a.channel, a.parentUid]);
      expect(rows).toEqual([{ id: a.id }]);
      // without a scope, the app role still sees no tenant row itself
      expect((await client.query("SELECT id FROM tenants")).rows).toEqual([]);
    } finally {
      client.release();
    }
  });
});

describe("tenantIdsOf", () => {
  it("answers several accounts' ids in one round trip, in their order, null for an account without a tenant", async () => {
    const b = await createTenant(db.platformDb, { channel: "aws" });
    const accounts = [
      { channel: b.channel, externalId: b.parentUid },
      { channel: "aliyun" as const, externalId: "no-such-account" },
      { channel: a.channel, externalId: a.parentUid },
      // the same account id on another channel is another account
      { channel: "aws" as const, externalId: a.parentUid },
      { channel: b.channel, externalId: b.parentUid },
    ];
    const { result, roundTrips: trips } = await counted(() => tenantIdsOf(db.appPool, accounts));
    expect(result).toEqual([b.id, null, a.id, null, b.id]);
    expect(trips).toBe(1);
  });
});
