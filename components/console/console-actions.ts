"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { rememberLocale, rememberPreference } from "@/components/i18n/remember-choice";
import { currencyCookie, zoneCookie } from "@/components/i18n/viewer";
import type { Outcome } from "@/components/ui/outcome";
import { bindCloudRole, createCloudAccessLink, updateTenantProfile, verifyCloudAccess } from "@/lib/actions";
import { consoleCookie } from "@/lib/auth";
import { currencies, isTimeZone, matchLocale } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";
import { callAction } from "@/lib/runtime/call-action";
import { currentBuyer } from "./current-buyer";
import { failureOutcome } from "./outcome-of";

// Every action checks the session itself: a server action is a public endpoint.
async function buyer() {
  const who = await currentBuyer();
  if (!who) redirect("/console");
  return who;
}

const providerOf = (form: FormData) => (form.get("provider") === "aws" ? "aws" : "aliyun");

export async function saveProfile(_: Outcome, form: FormData): Promise<Outcome> {
  const r = await callAction(await buyer(), updateTenantProfile, {
    displayName: String(form.get("displayName") ?? ""),
    contactEmail: String(form.get("contactEmail") ?? ""),
  });
  if (!r.ok) return failureOutcome(r);
  revalidatePath("/console", "layout"); // the header shows the name
  return { ok: true, text: (await getTranslations())("console.settings.profileSaved") };
}

export async function saveDisplay(_: Outcome, form: FormData): Promise<Outcome> {
  await buyer();
  const jar = await cookies();
  const locale = matchLocale(String(form.get("locale") ?? ""));
  const zone = String(form.get("timeZone") ?? "");
  const currency = currencies.find((c) => c === form.get("currency"));
  if (locale) rememberLocale(jar, locale, jar.get(consoleCookie)?.value, () => runtime().config.AUTH_SECRET);
  if (isTimeZone(zone)) rememberPreference(jar, zoneCookie, zone);
  if (currency) rememberPreference(jar, currencyCookie, currency);
  revalidatePath("/", "layout");
  // in the language just chosen
  const t = locale ? await getTranslations({ locale }) : await getTranslations();
  return { ok: true, text: t("console.settings.displaySaved") };
}

export async function createCloudLink(_: Outcome, form: FormData): Promise<Outcome> {
  const r = await callAction(await buyer(), createCloudAccessLink, { provider: providerOf(form) });
  if (!r.ok) return failureOutcome(r);
  revalidatePath("/console/cloud"); // the ExternalId and policies exist from now on
  return { ok: true, text: (await getTranslations())("cloud.linkReady"), link: r.data.link };
}

export async function bindRole(_: Outcome, form: FormData): Promise<Outcome> {
  const r = await callAction(await buyer(), bindCloudRole, { provider: providerOf(form), roleArn: String(form.get("roleArn") ?? "") });
  if (!r.ok) return failureOutcome(r);
  revalidatePath("/console", "layout");
  return { ok: true, text: (await getTranslations())("cloud.bound") };
}

export async function verifyRole(_: Outcome, form: FormData): Promise<Outcome> {
  const r = await callAction(await buyer(), verifyCloudAccess, { provider: providerOf(form) });
  if (!r.ok) return failureOutcome(r);
  revalidatePath("/console", "layout");
  const t = await getTranslations();
  // what to fix is in the panel, which this answer refreshes
  return r.data.status === "verified" ? { ok: true, text: t("cloud.verifiedOk") } : { ok: false, text: t("cloud.verifyFailed") };
}

export async function signOutBuyer() {
  (await cookies()).delete(consoleCookie);
  redirect("/console");
}
