import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/components/backoffice/require-staff";
import { TenantHeader } from "@/components/backoffice/tenant-header";
import { TenantPicker } from "@/components/backoffice/tenant-picker";
import { TenantTimeline } from "@/components/backoffice/tenant-timeline";
import { findTenantId, recordTenantView, tenantSummary } from "@/lib/backoffice";
import { textField } from "@/lib/http";
import { runtime } from "@/lib/runtime";

const opening = z.object({ id: textField(128).min(1), reason: textField(500).optional() });

/**
 * One tenant as support sees it, named by its id, account id or an instance
 * id: its header (personal data masked) and its timeline. Every opening is audited.
 */
export default async function OpsTenantPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff("/ops", ["support", "isv_admin"]);
  const [t, params] = await Promise.all([getTranslations(), searchParams]);
  const parsed = opening.safeParse({
    id: params.id,
    reason: typeof params.reason === "string" && params.reason ? params.reason : undefined,
  });
  const id = parsed.success ? await findTenantId(runtime().db.opsDb, parsed.data.id) : undefined;
  const tenant = id ? await tenantSummary(runtime().db.opsDb, id, { masked: true }) : null;
  if (!parsed.success || !tenant)
    return (
      <>
        <h1 className="text-lg font-semibold">{t("ops.tenant.title")}</h1>
        {params.id !== undefined && (
          <p role="alert" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
            {t("ops.tenant.notFound")}
          </p>
        )}
        <TenantPicker action="/ops/tenant" />
      </>
    );
  await recordTenantView(runtime().db.platformDb, staff, tenant.id, parsed.data.reason);
  return (
    <>
      <TenantHeader tenant={tenant} />
      <p className="text-xs text-gray-500">{t("ops.tenant.audited")}</p>
      <TenantTimeline tenantId={tenant.id} params={params} />
    </>
  );
}
