import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/components/backoffice/require-staff";
import { TraceSearch } from "@/components/backoffice/trace-search";

export default async function OpsTracesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff("/ops", ["support", "isv_admin"]);
  const t = await getTranslations();
  return (
    <>
      <h1 className="text-lg font-semibold">{t("ops.traces.title")}</h1>
      <TraceSearch params={await searchParams} />
    </>
  );
}
