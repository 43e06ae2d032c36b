"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { Outcome } from "@/components/ui/outcome";
import { createAgentDownload, createAgentTask, describeSizingRecommendations, revokeAgent, revokeAgentDownload } from "@/lib/actions";
import type { AgentOs } from "@/lib/agents";
import { callAction } from "@/lib/runtime/call-action";
import { currentBuyer } from "./current-buyer";
import { failureOutcome } from "./outcome-of";

// Every action checks the session itself: a server action is a public endpoint.
async function buyer() {
  const who = await currentBuyer();
  if (!who) redirect("/console");
  return who;
}

/** What CreateAgentDownload answered, for the Add hosts page to show with copy buttons. */
export type DownloadLink =
  | { ok: true; os: AgentOs; url: string; installCommand: string; expiresAt: string; maxEnrolments: number }
  | Exclude<Outcome, { ok: true } | null>
  | null;

export async function createDownloadLink(_: DownloadLink, form: FormData): Promise<DownloadLink> {
  const os: AgentOs = form.get("os") === "windows-x64" ? "windows-x64" : "linux-x64";
  const r = await callAction(await buyer(), createAgentDownload, { os });
  if (!r.ok) return failureOutcome(r) as Promise<DownloadLink>;
  revalidatePath("/console/hosts/add");
  return {
    ok: true,
    os,
    url: r.data.url,
    installCommand: r.data.installCommand,
    expiresAt: r.data.expiresAt,
    maxEnrolments: r.data.maxEnrolments,
  };
}

export async function revokeDownload(_: Outcome, form: FormData): Promise<Outcome> {
  const r = await callAction(await buyer(), revokeAgentDownload, { downloadId: String(form.get("downloadId") ?? "") });
  if (!r.ok) return failureOutcome(r);
  revalidatePath("/console/hosts/add");
  return { ok: true, text: (await getTranslations())("addHosts.revoked") };
}

/** Queues a task on every host ticked in the form (one, from a host's page; many, from the list). */
export async function runTask(_: Outcome, form: FormData): Promise<Outcome> {
  const who = await buyer();
  const t = await getTranslations();
  const kind = form.get("kind") === "rescan" ? "rescan" : "precheck";
  const agentIds = form.getAll("agentId").map(String).slice(0, 100);
  if (agentIds.length === 0) return { ok: false, text: t("hosts.noneSelected") };
  for (const agentId of agentIds) {
    const r = await callAction(who, createAgentTask, { agentId, kind });
    if (!r.ok) return failureOutcome(r);
  }
  revalidatePath("/console/hosts", "layout");
  return { ok: true, text: t("hosts.queued", { count: agentIds.length, kind }) };
}

export async function revokeHost(_: Outcome, form: FormData): Promise<Outcome> {
  const r = await callAction(await buyer(), revokeAgent, { agentId: String(form.get("agentId") ?? "") });
  if (!r.ok) return failureOutcome(r);
  revalidatePath("/console/hosts", "layout");
  return { ok: true, text: (await getTranslations())("hosts.revokedOk") };
}

export async function refreshSizing(_: Outcome, form: FormData): Promise<Outcome> {
  const region = String(form.get("region") ?? "");
  const r = await callAction(await buyer(), describeSizingRecommendations, { region, refresh: true });
  if (!r.ok) return failureOutcome(r);
  revalidatePath("/console/hosts/sizing");
  return { ok: true, text: (await getTranslations())("sizing.refreshed") };
}
