import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../db";
import { createAgentDirectory } from "./agent-directory";

/** A platform client whose reads answer when the test says, counting them. */
function slowDb(rows: () => object[]) {
  const waiting: (() => void)[] = [];
  let reads = 0;
  const platformDb = {
    $queryRaw: () => {
      reads++;
      return new Promise((resolve) => waiting.push(() => resolve(rows())));
    },
  } as unknown as PrismaClient;
  return {
    platformDb,
    answer: () => {
      for (const w of waiting.splice(0)) w();
    },
    reads: () => reads,
  };
}

const id = "0b8f2f8a-4a3e-4c3a-9d7e-2b1c0f6e8a11";
const row = (revoked: boolean) => [{ id, tenantId: "t", generation: 1, secretKeyId: "k", revoked, inventoryHash: null }];
const keys = [{ keyId: "k", key: Buffer.alloc(32, 1) }];

describe("the agent directory", () => {
  it("serves concurrent misses with one read, then from memory", async () => {
    const db = slowDb(() => row(false));
    const agents = createAgentDirectory({ platformDb: db.platformDb, keys });
    const both = Promise.all([agents.find(id), agents.find(id)]);
    db.answer();
    const [a, b] = await both;
    expect(a).toBe(b);
    expect(await agents.find(id)).toBe(a);
    expect(db.reads()).toBe(1);
  });

  it("a read overtaken by forget (a revocation's NOTIFY) answers its callers but is not kept, and never fails them", async () => {
    let revoked = false;
    const db = slowDb(() => row(revoked));
    const agents = createAgentDirectory({ platformDb: db.platformDb, keys });
    const inFlight = agents.find(id);
    revoked = true; // committed while the read was on its way, which read the row before
    agents.forget(id);
    db.answer();
    await expect(inFlight).resolves.toMatchObject({ id });
    const next = agents.find(id);
    db.answer();
    expect(await next).toMatchObject({ revoked: true });
    expect(db.reads()).toBe(2);
  });
});
