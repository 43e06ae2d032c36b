"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentBuyer } from "@/components/console/current-buyer";
import { bindCloudRole as bindCloudRoleAction, createCloudAccessLink, verifyCloudAccess } from "@/lib/actions";
import { type ActionResult, callAction } from "@/lib/runtime/call-action";

type Provider = "aliyun" | "aws";
const providerOf = (form: FormData): Provider => (form.get("provider") === "aws" ? "aws" : "aliyun");

/** Comes back to the panel with what happened. */
function back(r: ActionResult<unknown>, link?: string): never {
  revalidatePath("/console");
  const q = r.ok ? new URLSearchParams(link ? { link } : { saved: "1" }) : new URLSearchParams({ error: `${r.message} (${r.traceId})` });
  redirect(`/console?${q}#cloud`);
}

async function buyer() {
  const who = await currentBuyer();
  if (!who) redirect("/console");
  return who;
}

export async function verifyCloud(form: FormData) {
  back(await callAction(await buyer(), verifyCloudAccess, { provider: providerOf(form) }));
}

export async function createCloudLink(form: FormData) {
  const r = await callAction(await buyer(), createCloudAccessLink, { provider: providerOf(form) });
  back(r, r.ok ? r.data.link : undefined);
}

export async function bindCloudRole(form: FormData) {
  back(await callAction(await buyer(), bindCloudRoleAction, { provider: providerOf(form), roleArn: String(form.get("roleArn") ?? "") }));
}
