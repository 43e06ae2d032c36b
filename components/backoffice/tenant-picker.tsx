import { getTranslations } from "next-intl/server";

/** Open a tenant by its id, account id or an instance id, with an optional reason (kept in the access audit). */
export async function TenantPicker({ action }: { action: "/ops/tenant" }) {
  const t = await getTranslations();
  return (
    <form action={action} className="grid max-w-2xl grid-cols-1 gap-3 rounded border border-gray-200 bg-white p-4 sm:grid-cols-2">
      <label className="block min-w-0">
        <span className="text-xs text-gray-500">{t("ops.tenant.ref")}</span>
        <input name="id" required maxLength={128} className="mt-1 block h-8 w-full rounded border border-gray-300 px-2 font-mono text-xs" />
      </label>
      <label className="block min-w-0">
        <span className="text-xs text-gray-500">{t("ops.tenant.reason")}</span>
        <input
          name="reason"
          maxLength={500}
          placeholder={t("ops.tenant.reasonHint")}
          className="mt-1 block h-8 w-full rounded border border-gray-300 px-2"
        />
      </label>
      <div>
        <button type="submit" className="h-8 rounded bg-primary px-4 text-white">
          {t("ops.tenant.open")}
        </button>
      </div>
    </form>
  );
}
