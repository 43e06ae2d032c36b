"use server";

import { redirect } from "next/navigation";
import type { Outcome } from "@/components/ui/outcome";
import { createStripeCheckout, createStripePortal } from "@/lib/actions";
import { planIds } from "@/lib/billing";
import { callAction } from "@/lib/runtime/call-action";
import { currentBuyer } from "./current-buyer";
import { failureOutcome } from "./outcome-of";

// Every action checks the session itself: a server action is a public endpoint.
async function buyer() {
  const who = await currentBuyer();
  if (!who) redirect("/console");
  return who;
}

/** Stripe's own page (Checkout, the portal): an http(s) address Stripe answered, never one from the form. */
function toStripe(url: string): never {
  const target = new URL(url);
  if (target.protocol !== "https:" && target.protocol !== "http:") throw new Error("Stripe answered a URL that is not http(s)");
  redirect(target.toString());
}

export async function startCheckout(_: Outcome, form: FormData): Promise<Outcome> {
  const who = await buyer();
  const plan = planIds.find((p) => p === form.get("plan")) ?? "standard";
  const r = await callAction(who, createStripeCheckout, { plan });
  if (!r.ok) return failureOutcome(r);
  toStripe(r.data.url);
}

export async function openPortal(_: Outcome, _form: FormData): Promise<Outcome> {
  const r = await callAction(await buyer(), createStripePortal, {});
  if (!r.ok) return failureOutcome(r);
  toStripe(r.data.url);
}
