import type { BuyerMail } from "./direct-buyer";

type Kept = BuyerMail & { at: string };

// The server and Next's bundle load lib/ separately: one outbox per process through globalThis.
const slot = Symbol.for("skyport.auth.dev-outbox");
const holder = globalThis as unknown as { [slot]?: Kept[] };
const keep = 100;

/**
 * Outside production Skyport sends no mail: each buyer mail is printed to the
 * log and kept here (the last 100), where the sandbox shows it
 * (/sandbox/mail) and the browser tests read the verification link.
 */
export function keepDevMail(mail: BuyerMail, now = new Date()) {
  holder[slot] ??= [];
  const box = holder[slot];
  box.push({ ...mail, at: now.toISOString() });
  if (box.length > keep) box.splice(0, box.length - keep);
}

/** The mails kept for `to` (or all), newest first. */
export function devMails(to?: string): Kept[] {
  return [...(holder[slot] ?? [])].filter((m) => !to || m.to === to.trim().toLowerCase()).reverse();
}
