import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/components/backoffice/require-staff";
import { StaffPanels } from "@/components/backoffice/staff-panels";

export default async function AdminStaffPage() {
  const staff = await requireStaff("/admin", ["isv_admin"]);
  const t = await getTranslations();
  return (
    <>
      <h1 className="text-lg font-semibold">{t("admin.staff.title")}</h1>
      <StaffPanels selfId={staff.id} />
    </>
  );
}
