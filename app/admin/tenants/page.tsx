import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/components/backoffice/require-staff";
import { TenantList } from "@/components/backoffice/tenant-list";

export default async function AdminTenantsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff("/admin", ["isv_admin"]);
  const t = await getTranslations();
  return (
    <>
      <h1 className="text-lg font-semibold">{t("admin.tenants.title")}</h1>
      <TenantList params={await searchParams} />
    </>
  );
}
