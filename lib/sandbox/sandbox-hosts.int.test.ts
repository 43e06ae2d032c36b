import { mkdtempSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AgentHarness, startAgentHarness } from "../../test/agent-harness";
import { createTenant, type TestTenant } from "../../test/factories";
import { localPackageStore } from "../agents";
import { downloadToken, SandboxHostError } from "./agent-download";
import { sandboxHosts, startLocalAgent, startSimulatedFleet, stopSandboxHosts } from "./sandbox-hosts";

// The packages `npm run build:agent` stored (test.sh builds them first): the real agent runs here.
let a: AgentHarness;
let tenant: TestTenant;
const dataDir = mkdtempSync(path.join(tmpdir(), "skyport-sandbox-hosts-"));
beforeAll(async () => {
  a = await startAgentHarness({ packages: localPackageStore(path.resolve(".data/agent-packages")) });
  tenant = await createTenant(a.db.platformDb);
});
afterAll(async () => {
  for (const browser of ["b-local", "b-fleet", "b-limit"]) stopSandboxHosts(browser);
  await a.close();
});

const downloadOf = async (t: TestTenant, os = "linux-x64") =>
  (await a.h.call("CreateAgentDownload", { os }, { tenant: t })).body.data as { downloadId: string; url: string };
const linkOf = async (t: TestTenant, os?: string) => (await downloadOf(t, os)).url;
const agentsOf = async (t: TestTenant, status?: string) =>
  (await a.h.call("DescribeAgents", status ? { status } : {}, { tenant: t })).body.data.agents as { hostname: string; cpuCores: number }[];

describe("the sandbox's hosts: a buyer's link, run here", () => {
  it("downloads the package over HTTP, unpacks it and runs the real agent, which enrols and reports this machine", async () => {
    const token = downloadToken(await linkOf(tenant)) as string;
    const agent = await startLocalAgent({ browser: "b-local", origin: a.baseUrl, token, dataDir });
    expect(agent.running()).toBe(true);
    await expect.poll(async () => (await agentsOf(tenant, "online")).map((h) => h.hostname), { timeout: 20_000 }).toEqual([hostname()]);
    // online from its enrolment; its inventory comes with the heartbeat after
    await expect.poll(async () => (await agentsOf(tenant))[0]?.cpuCores ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(sandboxHosts("b-local").agent).toBe(agent);
    stopSandboxHosts("b-local");
    // a stopped agent ends its 30 s long poll at once
    await expect.poll(() => agent.running(), { timeout: 10_000 }).toBe(false);
    expect(sandboxHosts("b-local").agent).toBeUndefined();
  });

  it("simulates hosts with the token inside the package, up to what the plan allows, and says why not more", async () => {
    const small = await createTenant(a.db.platformDb);
    await a.db.platformDb.subscription.updateMany({ where: { tenantId: small.id }, data: { plan: "basic" } });
    const fleet = await startSimulatedFleet({
      browser: "b-limit",
      origin: a.baseUrl,
      token: downloadToken(await linkOf(small)) as string,
      count: 12,
    });
    expect(fleet).toMatchObject({ hosts: 10, refused: "EnrolmentLimit" });
    await expect.poll(async () => (await agentsOf(small, "online")).length).toBe(10);
    await expect(
      startSimulatedFleet({ browser: "b-limit", origin: a.baseUrl, token: downloadToken(await linkOf(small)) as string, count: 1 }),
    ).rejects.toEqual(new SandboxHostError("EnrolmentLimit"));
  });

  it("takes only a download token from what is pasted, and refuses links it cannot run with the channel's code", async () => {
    expect(downloadToken("https://elsewhere.example/not-a-download")).toBeUndefined();
    expect(downloadToken("  ")).toBeUndefined();
    const windows = downloadToken(await linkOf(tenant, "windows-x64")) as string;
    await expect(startSimulatedFleet({ browser: "b-fleet", origin: a.baseUrl, token: windows, count: 1 })).rejects.toEqual(
      new SandboxHostError("NotLinux"),
    );
    const { url: link, downloadId } = await downloadOf(tenant);
    await a.h.call("RevokeAgentDownload", { downloadId }, { tenant });
    await expect(
      startSimulatedFleet({ browser: "b-fleet", origin: a.baseUrl, token: downloadToken(link) as string, count: 1 }),
    ).rejects.toEqual(new SandboxHostError("LinkExpired"));
    const forged = `${(downloadToken(link) as string).slice(0, -4)}AAAA`;
    await expect(startSimulatedFleet({ browser: "b-fleet", origin: a.baseUrl, token: forged, count: 1 })).rejects.toEqual(
      new SandboxHostError("NotFound"),
    );
  });
});
