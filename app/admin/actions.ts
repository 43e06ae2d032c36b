"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireAdminFor } from "@/components/backoffice/require-staff";
import type { Outcome } from "@/components/ui/outcome";
import { reverifyTenantRole, type StaffActionResult, setTenantSuspended, staffReason } from "@/lib/backoffice";
import { codeArgs } from "@/lib/i18n";
import { cloudAccessConfig, runtime } from "@/lib/runtime";

// Every action here is a public endpoint: each checks the caller first
// (requireAdminFor: anonymous → sign-in; another role → refused and audited).
// app/admin/admin-guard.int.test.ts calls each as support and as nobody.

const tenantAction = z.object({ tenantId: z.uuid(), reason: staffReason });

async function refused(): Promise<Outcome> {
  return { ok: false, text: (await getTranslations())("admin.actions.forbidden") };
}

async function answer(r: StaffActionResult, done: "suspended" | "resumed" | "reverified"): Promise<Outcome> {
  const t = await getTranslations();
  revalidatePath("/admin/tenant");
  return r.ok
    ? { ok: true, text: t("admin.actions.done", codeArgs(done)) }
    : { ok: false, text: t("admin.actions.failed", codeArgs(r.code)) };
}

function readTenantAction(form: FormData) {
  return tenantAction.safeParse({ tenantId: form.get("tenantId"), reason: form.get("reason") });
}

async function invalidReason(): Promise<Outcome> {
  return { ok: false, text: (await getTranslations())("admin.actions.reasonRequired") };
}

export async function suspendTenant(_: Outcome, form: FormData): Promise<Outcome> {
  const guard = await requireAdminFor("SuspendTenant");
  if (!guard.ok) return refused();
  const input = readTenantAction(form);
  if (!input.success) return invalidReason();
  return answer(await setTenantSuspended(runtime().db.platformDb, guard.staff, input.data.tenantId, true, input.data.reason), "suspended");
}

export async function resumeTenant(_: Outcome, form: FormData): Promise<Outcome> {
  const guard = await requireAdminFor("ResumeTenant");
  if (!guard.ok) return refused();
  const input = readTenantAction(form);
  if (!input.success) return invalidReason();
  return answer(await setTenantSuspended(runtime().db.platformDb, guard.staff, input.data.tenantId, false, input.data.reason), "resumed");
}

export async function reverifyCloudRole(_: Outcome, form: FormData): Promise<Outcome> {
  const guard = await requireAdminFor("ReverifyCloudRole");
  if (!guard.ok) return refused();
  const input = readTenantAction(form);
  if (!input.success) return invalidReason();
  const { config, endpoints, db } = runtime();
  return answer(
    await reverifyTenantRole(db.platformDb, cloudAccessConfig(config, endpoints), guard.staff, input.data.tenantId, input.data.reason),
    "reverified",
  );
}
