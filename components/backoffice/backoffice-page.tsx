import { currentLocale } from "@/components/i18n/current-locale";
import { AppShell } from "@/components/shell/app-shell";
import { signOut } from "@/lib/auth";
import { listTenants } from "@/lib/backoffice";
import { TenantTable } from "./tenant-table";
import { TraceLookup } from "./trace-lookup";

/** /admin and /ops share one read-only view for now: tenants and trace lookup. */
export async function BackofficePage({
  area,
  title,
  user,
  traceId,
}: {
  area: "/admin" | "/ops";
  title: "admin.title" | "ops.title";
  user: { email?: string | null };
  traceId?: string;
}) {
  const { locale, t } = await currentLocale();
  const tenants = await listTenants();
  async function leave() {
    "use server";
    await signOut({ redirectTo: "/signin" });
  }
  return (
    <AppShell
      title={t(title)}
      locale={locale}
      path={area}
      nav={[
        { href: `${area}#tenants`, label: t("nav.tenants") },
        { href: `${area}#traces`, label: t("nav.traces") },
      ]}
      context={<span className="text-gray-500">{user.email}</span>}
      actions={
        <form action={leave}>
          <button type="submit" className="text-gray-600 hover:text-primary">
            {t("common.signOut")}
          </button>
        </form>
      }
    >
      <section id="tenants" className="space-y-2">
        <h2 className="font-semibold">
          {t("nav.tenants")} <span className="text-gray-400 tabular-nums">({tenants.length})</span>
        </h2>
        <TenantTable tenants={tenants} t={t} locale={locale} />
      </section>
      <TraceLookup traceId={traceId} t={t} locale={locale} />
    </AppShell>
  );
}
