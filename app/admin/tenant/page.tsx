import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireStaff } from "@/components/backoffice/require-staff";
import { TenantActions } from "@/components/backoffice/tenant-actions";
import { TenantHeader } from "@/components/backoffice/tenant-header";
import { TenantPanels } from "@/components/backoffice/tenant-panels";
import { tenantSummary } from "@/lib/backoffice";
import { runtime } from "@/lib/runtime";

/** One tenant as the ISV admin sees it: everything about it, and the few deliberate actions. */
export default async function AdminTenantPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff("/admin", ["isv_admin"]);
  const [t, params] = await Promise.all([getTranslations(), searchParams]);
  const id = z.uuid().safeParse(params.id);
  const tenant = id.success ? await tenantSummary(runtime().db.opsDb, id.data, { masked: false }) : null;
  if (!tenant)
    return (
      <>
        <h1 className="text-lg font-semibold">{t("admin.tenant.title")}</h1>
        <p role={params.id === undefined ? undefined : "alert"} className="rounded border border-gray-200 bg-white px-3 py-2">
          {params.id === undefined ? t("admin.tenant.choose") : t("admin.tenant.notFound")}{" "}
          <a className="text-primary hover:underline" href="/admin/tenants">
            {t("admin.nav.tenants")}
          </a>
        </p>
      </>
    );
  return (
    <>
      <TenantHeader tenant={tenant} />
      <TenantActions tenantId={tenant.id} suspended={tenant.suspendedAt !== null} channel={tenant.channel} />
      <TenantPanels tenantId={tenant.id} />
    </>
  );
}
