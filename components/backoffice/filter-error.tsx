import { getTranslations } from "next-intl/server";

/** A query the page could not accept: which fields, never their values. */
export async function FilterError({ fields }: { fields: string }) {
  const t = await getTranslations();
  return (
    <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800" data-testid="filter-error">
      {t("ops.invalidFilter", { fields })}
    </p>
  );
}
