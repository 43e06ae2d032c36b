"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { consoleCookieOptions } from "@/components/console/buyer-sign-in";
import type { Outcome } from "@/components/ui/outcome";
import {
  clientAddress,
  consoleCookie,
  createSignUpThrottle,
  keepDevMail,
  sealConsoleSession,
  signInDirectBuyer,
  signUpBuyer,
  signUpSchema,
} from "@/lib/auth";
import { runtime } from "@/lib/runtime";

// one per process, as the gateway's limits (globalThis: the bundle may load this module more than once)
const throttleSlot = Symbol.for("skyport.account.sign-up-throttle");
const holder = globalThis as unknown as { [throttleSlot]?: ReturnType<typeof createSignUpThrottle> };

/** Sign-up: the same answer whether the email is new or not; the mail says which. Rate-limited per address and email. */
export async function signUp(_: Outcome, form: FormData): Promise<Outcome> {
  const t = await getTranslations();
  const parsed = signUpSchema.safeParse({ email: form.get("email"), password: form.get("password"), company: form.get("company") });
  if (!parsed.success) return { ok: false, text: t("account.invalid") };
  const { config, db, endpoints, log } = runtime();
  holder[throttleSlot] ??= createSignUpThrottle();
  const wait = holder[throttleSlot](clientAddress(await headers(), config.TRUSTED_PROXIES), parsed.data.email);
  if (wait > 0) return { ok: false, text: t("account.throttled", { minutes: wait }) };
  const mail = await signUpBuyer(db.platformDb, parsed.data, { secret: config.AUTH_SECRET, publicUrl: endpoints.publicUrl });
  if (config.SKYPORT_ENV === "production") {
    // no mail delivery is built yet (docs/billing.md): never print a link in production
    log.warn({ kind: mail.kind }, "buyer mail not sent: no mail delivery is configured");
    return { ok: true, text: t("account.sent") };
  }
  log.info({ to: mail.to, kind: mail.kind, link: mail.link }, "buyer mail (development: printed, not sent)");
  keepDevMail(mail);
  return { ok: true, text: `${t("account.sent")} ${t("account.devMail")}` };
}

/** Sign-in: throttled; a verified buyer gets the console session every console page reads. */
export async function signIn(_: Outcome, form: FormData): Promise<Outcome> {
  const t = await getTranslations();
  const email = String(form.get("email") ?? "").slice(0, 254);
  const password = String(form.get("password") ?? "").slice(0, 200);
  if (!email || !password) return { ok: false, text: t("account.failed") };
  const { config, db } = runtime();
  const address = clientAddress(await headers(), config.TRUSTED_PROXIES);
  const out = await signInDirectBuyer(db.platformDb, { email, password, address });
  if (!out.ok) {
    if (out.reason === "throttled") return { ok: false, text: t("account.throttled", { minutes: out.minutes }) };
    return { ok: false, text: t(out.reason === "unverified" ? "account.unverified" : "account.failed") };
  }
  (await cookies()).set(
    consoleCookie,
    sealConsoleSession(config.AUTH_SECRET, { ...out.who, locale: await getLocale() }),
    consoleCookieOptions,
  );
  redirect("/console");
}
