import RPCClient from "@alicloud/pop-core";
import { GetEntitlementsCommand, MarketplaceEntitlementServiceClient } from "@aws-sdk/client-marketplace-entitlement-service";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, type Database, platformTransaction, readAsTenant, withTenant } from "../lib/db";
import { createTenant } from "./factories";
import { takeViolations } from "./no-network-in-transaction";
import { serveEmulator } from "./serve-emulator";

// The guard every other test runs under: proven here against the real clients.
let db: Database;
let emulator: Awaited<ReturnType<typeof serveEmulator>>;
beforeAll(async () => {
  db = createDatabase(inject("dbUrls"), 2);
  emulator = await serveEmulator(() => ({ status: 200, body: { Entitlements: [] } }));
});
afterAll(async () => {
  await emulator.close();
  await db.close();
});

const aws = () =>
  new MarketplaceEntitlementServiceClient({
    region: "us-east-1",
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: "AKID", secretAccessKey: "secret" },
    maxAttempts: 1,
  });
const pop = () => new RPCClient({ endpoint: emulator.endpoint, apiVersion: "2015-11-01", accessKeyId: "ak", accessKeySecret: "secret" });

describe("no network call while a database connection or transaction is held", () => {
  it("fetch, the AWS SDK and pop-core are refused inside a tenant transaction, a tenant read and a platform transaction", async () => {
    const t = await createTenant(db.platformDb);
    const calls = {
      fetch: () => fetch(emulator.endpoint),
      "aws sdk": () => aws().send(new GetEntitlementsCommand({ ProductCode: "p" })),
      "pop-core": () => pop().request("DescribeInstance", {}, { method: "GET", timeout: 2000 }),
    };
    for (const [name, call] of Object.entries(calls)) {
      await expect(
        withTenant(db.appPool, t.id, () => call()),
        name,
      ).rejects.toThrow(/while holding a tenant transaction/);
      await expect(
        readAsTenant(db.appPool, t.id, () => call()),
        name,
      ).rejects.toThrow(/while holding a tenant read's connection/);
      await expect(
        platformTransaction(db.platformDb, () => call()),
        name,
      ).rejects.toThrow(/while holding a platform transaction/);
    }
    expect(takeViolations()).toHaveLength(9);
  });

  it("the same calls go through before and after, with nothing held", async () => {
    const t = await createTenant(db.platformDb);
    await withTenant(db.appPool, t.id, async (tx) => tx.query`SELECT 1`);
    expect((await fetch(emulator.endpoint)).status).toBe(200);
    await expect(aws().send(new GetEntitlementsCommand({ ProductCode: "p" }))).resolves.toMatchObject({ Entitlements: [] });
    expect(takeViolations()).toEqual([]);
  });

  it("no transaction is opened around the database's own clients but through platformTransaction", async () => {
    const { readdirSync, readFileSync, statSync } = await import("node:fs");
    const path = await import("node:path");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (name === "generated" || name === "node_modules") continue;
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && readFileSync(file, "utf8").includes(".$transaction("))
          offenders.push(file);
      }
    };
    for (const root of ["lib", "app", "components", "prisma"]) walk(root);
    expect(offenders).toEqual(["lib/db/connection-scope.ts"]);
  });
});
