import { cache } from "react";
import { describeTenant } from "@/lib/actions";
import { callAction } from "@/lib/runtime/call-action";
import { currentBuyer } from "./current-buyer";

/**
 * The signed-in buyer and their tenant, read once per request however many
 * parts of the page ask (the layout and the page both do): null without a
 * session; a failed result when the gateway refused (no tenant, ...).
 */
export const consoleContext = cache(async () => {
  const who = await currentBuyer();
  if (!who) return null;
  return { who, tenant: await callAction(who, describeTenant, {}) };
});

/** For pages: the buyer and tenant when the layout is showing the console, else nothing to render. */
export async function consolePage() {
  const context = await consoleContext();
  return context?.tenant.ok ? { who: context.who, tenant: context.tenant.data } : null;
}
