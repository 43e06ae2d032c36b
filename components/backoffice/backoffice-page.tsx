import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { signOut } from "@/lib/auth";
import { listTenants } from "@/lib/backoffice";
import { TenantTable } from "./tenant-table";
import { TraceLookup } from "./trace-lookup";

/** /admin and /ops share one read-only view for now: tenants and trace lookup. */
export async function BackofficePage({
  area,
  user,
  traceId,
}: {
  area: "/admin" | "/ops";
  user: { email?: string | null };
  traceId?: string;
}) {
  const [t, tenants] = await Promise.all([getTranslations(), listTenants()]);
  async function leave() {
    "use server";
    await signOut({ redirectTo: "/signin" });
  }
  return (
    <AppShell
      title={area === "/admin" ? t("backoffice.admin") : t("backoffice.ops")}
      nav={[
        { href: `${area}#tenants`, label: t("backoffice.tenants") },
        { href: `${area}#traces`, label: t("backoffice.traces") },
      ]}
      context={
        <span className="truncate text-gray-500" translate="no">
          {user.email}
        </span>
      }
      actions={
        <form action={leave}>
          <button type="submit" className="whitespace-nowrap text-gray-600 hover:text-primary">
            {t("common.signOut")}
          </button>
        </form>
      }
    >
      <section id="tenants" className="space-y-2">
        <h2 className="font-semibold">
          {t("backoffice.tenants")} <span className="text-gray-400 tabular-nums">({tenants.length})</span>
        </h2>
        <TenantTable tenants={tenants} />
      </section>
      <TraceLookup traceId={traceId} />
    </AppShell>
  );
}
