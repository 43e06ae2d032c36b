import { getTranslations } from "next-intl/server";
import { HealthPanels } from "@/components/backoffice/health-panels";
import { requireStaff } from "@/components/backoffice/require-staff";

export default async function OpsHealthPage() {
  await requireStaff("/ops", ["support", "isv_admin"]);
  const t = await getTranslations();
  return (
    <>
      <h1 className="text-lg font-semibold">{t("ops.health.title")}</h1>
      <HealthPanels />
    </>
  );
}
