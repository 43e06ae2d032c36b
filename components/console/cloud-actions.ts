"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentBuyer } from "@/components/console/current-buyer";
import { callAction } from "@/lib/runtime/call-action";

type Provider = "aliyun" | "aws";
const providerOf = (form: FormData): Provider => (form.get("provider") === "aws" ? "aws" : "aliyun");

/** Runs a cloud-access action for the signed-in buyer and comes back to the panel with what happened. */
async function run(action: string, params: object) {
  const buyer = await currentBuyer();
  if (!buyer) redirect("/console");
  const r = await callAction<{ link?: string }>(buyer, action, params);
  revalidatePath("/console");
  const q = r.ok
    ? new URLSearchParams(r.data.link ? { link: r.data.link } : { saved: "1" })
    : new URLSearchParams({ error: `${r.message} (${r.traceId})` });
  redirect(`/console?${q}#cloud`);
}

export async function verifyCloud(form: FormData) {
  await run("VerifyCloudAccess", { provider: providerOf(form) });
}

export async function createCloudLink(form: FormData) {
  await run("CreateCloudAccessLink", { provider: providerOf(form) });
}

export async function bindCloudRole(form: FormData) {
  await run("BindCloudRole", { provider: providerOf(form), roleArn: String(form.get("roleArn") ?? "") });
}
