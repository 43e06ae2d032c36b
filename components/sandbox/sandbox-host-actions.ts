"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { Outcome } from "@/components/ui/outcome";
import { codeArgs } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";
import { downloadToken, SandboxHostError, startLocalAgent, startSimulatedFleet, stopSandboxHosts } from "@/lib/sandbox";
import { ownOrigin } from "./own-origin";
import { requireSandbox } from "./require-sandbox";
import { claim } from "./sandbox-claims";

/**
 * The buyer's hosts, played here: with a download link from the console's
 * Add hosts page, run the real agent on this server, or simulate a fleet.
 * What runs belongs to this browser (its sandbox cookie).
 */
export async function startSandboxHosts(_: Outcome, data: FormData): Promise<Outcome> {
  await requireSandbox();
  const t = await getTranslations();
  const token = downloadToken(String(data.get("link") ?? ""));
  if (!token) return { ok: false, text: t("sandboxHosts.badLink") };
  const { browser } = await claim({});
  const origin = await ownOrigin();
  try {
    if (data.get("run") === "agent") {
      await startLocalAgent({ browser, origin, token, dataDir: runtime().config.DATA_DIR });
      revalidatePath("/sandbox/hosts");
      return { ok: true, text: t("sandboxHosts.agentStarted") };
    }
    const fleet = await startSimulatedFleet({ browser, origin, token, count: Number(data.get("count") ?? 10) || 10 });
    revalidatePath("/sandbox/hosts");
    const started = t("sandboxHosts.fleetStarted", { hosts: fleet.hosts });
    return fleet.refused
      ? { ok: false, text: `${started} ${t("sandboxHosts.refused", codeArgs(fleet.refused))}` }
      : { ok: true, text: started };
  } catch (err) {
    if (err instanceof SandboxHostError) return { ok: false, text: t("sandboxHosts.refused", codeArgs(err.message)) };
    throw err;
  }
}

/** Stops this browser's hosts; the list, now empty, says so. */
export async function stopHosts(): Promise<Outcome> {
  await requireSandbox();
  stopSandboxHosts((await claim({})).browser);
  revalidatePath("/sandbox/hosts");
  return null;
}
