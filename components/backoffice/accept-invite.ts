"use server";

import { getTranslations } from "next-intl/server";
import type { Outcome } from "@/components/ui/outcome";
import { acceptInvite } from "@/lib/auth";
import { runtime } from "@/lib/runtime";

/** Open to anyone with the link: the token itself is the authority, once, until it expires. */
export async function acceptStaffInvite(_: Outcome, form: FormData): Promise<Outcome> {
  const t = await getTranslations();
  const token = String(form.get("token") ?? "");
  const password = String(form.get("password") ?? "");
  if (password.length < 12 || password.length > 200) return { ok: false, text: t("admin.invite.weak") };
  const accepted = await acceptInvite(runtime().db.platformDb, token, password);
  return accepted ? { ok: true, text: t("admin.invite.done") } : { ok: false, text: t("admin.invite.invalid") };
}
