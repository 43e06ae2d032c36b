"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireAdminFor } from "@/components/backoffice/require-staff";
import type { Outcome } from "@/components/ui/outcome";
import { changeStaff, inviteStaff } from "@/lib/auth";
import {
  reconcileTenantWithMarketplace,
  retryMeteringRecord,
  reverifyTenantRole,
  type StaffActionResult,
  setTenantSuspended,
  staffReason,
} from "@/lib/backoffice";
import { textField } from "@/lib/http";
import { codeArgs } from "@/lib/i18n";
import { aliyunReconcileDeps, cloudAccessConfig, runtime } from "@/lib/runtime";
import { awsMarketplace } from "@/lib/runtime/aws-marketplace";

// Every action here is a public endpoint: each checks the caller first
// (requireAdminFor: anonymous → sign-in; another role → refused and audited).
// app/admin/admin-guard.int.test.ts calls each as support and as nobody.

const tenantAction = z.object({ tenantId: z.uuid(), reason: staffReason });

async function refused(): Promise<Outcome> {
  return { ok: false, text: (await getTranslations())("admin.actions.forbidden") };
}

async function answer(r: StaffActionResult, done: "suspended" | "resumed" | "reverified" | "retried" | "reconciled"): Promise<Outcome> {
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

export async function reconcileWithMarketplace(_: Outcome, form: FormData): Promise<Outcome> {
  const guard = await requireAdminFor("ReconcileWithMarketplace");
  if (!guard.ok) return refused();
  const input = readTenantAction(form);
  if (!input.success) return invalidReason();
  const { config, endpoints, db } = runtime();
  const deps = { aliyun: aliyunReconcileDeps(config, endpoints, db.platformDb), aws: awsMarketplace() };
  return answer(
    await reconcileTenantWithMarketplace(deps, db.platformDb, guard.staff, input.data.tenantId, input.data.reason),
    "reconciled",
  );
}

const meteringRetry = z.object({ tenantId: z.uuid(), recordId: z.uuid(), reason: staffReason });

export async function retryDeadMeteringRecord(_: Outcome, form: FormData): Promise<Outcome> {
  const guard = await requireAdminFor("RetryMeteringRecord");
  if (!guard.ok) return refused();
  const input = meteringRetry.safeParse({ tenantId: form.get("tenantId"), recordId: form.get("recordId"), reason: form.get("reason") });
  if (!input.success) return invalidReason();
  const { tenantId, recordId, reason } = input.data;
  return answer(await retryMeteringRecord(runtime().db.platformDb, guard.staff, tenantId, recordId, reason), "retried");
}

const invitation = z.object({
  email: z.email().max(254),
  name: textField(100).min(1),
  role: z.enum(["isv_admin", "support"]),
});
const staffChange = z.object({
  staffId: z.uuid(),
  role: z.enum(["isv_admin", "support"]).optional(),
  disabled: z.enum(["0", "1"]).optional(),
});

/** Invites a member; the link is shown once to the admin (and logged outside production) to send them. */
export async function inviteStaffMember(_: Outcome, form: FormData): Promise<Outcome> {
  const guard = await requireAdminFor("InviteStaff");
  if (!guard.ok) return refused();
  const t = await getTranslations();
  const input = invitation.safeParse({ email: form.get("email"), name: form.get("name"), role: form.get("role") });
  if (!input.success) return { ok: false, text: t("admin.staff.inviteInvalid") };
  const { db, endpoints, config, log } = runtime();
  const r = await inviteStaff(db.platformDb, guard.staff, input.data);
  if (!r.ok) return { ok: false, text: t("admin.staff.exists") };
  const link = `${endpoints.publicUrl}/staff/invite?token=${r.token}`;
  if (config.SKYPORT_ENV !== "production")
    log.info({ email: input.data.email, link }, "staff invitation (development: the link is logged)");
  revalidatePath("/admin/staff");
  return { ok: true, text: t("admin.staff.invited"), link };
}

/** Disables or enables a member, or gives them another role; never oneself. */
export async function changeStaffMember(_: Outcome, form: FormData): Promise<Outcome> {
  const guard = await requireAdminFor("ChangeStaff");
  if (!guard.ok) return refused();
  const t = await getTranslations();
  const input = staffChange.safeParse({
    staffId: form.get("staffId"),
    role: form.get("role") ?? undefined,
    disabled: form.get("disabled") ?? undefined,
  });
  if (!input.success || (!input.data.role && !input.data.disabled))
    return { ok: false, text: t("admin.staff.changeFailed", codeArgs("Invalid")) };
  const change = input.data.role ? { role: input.data.role } : { disabled: input.data.disabled === "1" };
  const r = await changeStaff(runtime().db.platformDb, guard.staff, input.data.staffId, change);
  revalidatePath("/admin/staff");
  return r.ok ? { ok: true, text: t("admin.staff.changed") } : { ok: false, text: t("admin.staff.changeFailed", codeArgs(r.code)) };
}
