import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../db";
import { createAgentDirectory } from "./agent-directory";

describe("agent directory", () => {
  it("a forget while the agent is being read does not fail the call: it reads again", async () => {
    const id = "00000000-0000-4000-8000-000000000001";
    let reads = 0;
    let release: () => void = () => {};
    const platformDb = {
      $queryRaw: async () => {
        reads++;
        if (reads === 1) await new Promise<void>((r) => (release = r));
        return [{ id, tenantId: "t", generation: reads, secretKeyId: "k", revoked: false, inventoryHash: null }];
      },
    } as unknown as PrismaClient;
    const directory = createAgentDirectory({ platformDb, keys: [] });
    const found = directory.find(id);
    await Promise.resolve();
    directory.forget(id); // as an enrolment's NOTIFY arriving while the heartbeat reads the agent
    release();
    await expect(found).resolves.toMatchObject({ id, tenantId: "t" });
    expect(reads).toBe(2);
  });
});
