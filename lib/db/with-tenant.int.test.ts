import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { countRoundTrips } from "../../test/round-trips";
import { createDatabase, type Database, type Guard, readAsTenant, sql, withTenant } from "./index";

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
