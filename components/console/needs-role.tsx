import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Sizing without a verified cloud role: not an error, a step still to take (no trace ID, a way there). */
export async function NeedsRole() {
  const t = await getTranslations();
  return (
    <div className="flex flex-wrap items-center gap-3 rounded border border-gray-200 bg-gray-50 px-3 py-2" data-testid="needs-role">
      <p className="text-gray-700">{t("reasons.sizing.noVerifiedRole")}</p>
      <Link href="/console/cloud" className="inline-flex h-8 items-center rounded bg-primary px-4 text-white hover:bg-primary-dark">
        {t("sizing.openCloud")}
      </Link>
    </div>
  );
}
