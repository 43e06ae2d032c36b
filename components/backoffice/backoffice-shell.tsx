import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { signOut } from "@/lib/auth";
import type { SignedInStaff } from "./require-staff";

/** /admin and /ops: the console shell with the area's sections and the staff member signed in. */
export async function BackofficeShell({
  area,
  staff,
  children,
}: {
  area: "admin" | "ops";
  staff: SignedInStaff;
  children: React.ReactNode;
}) {
  const t = await getTranslations();
  async function leave() {
    "use server";
    await signOut({ redirectTo: "/signin" });
  }
  const nav =
    area === "admin"
      ? [
          { href: "/admin", label: t("admin.nav.overview") },
          { href: "/admin/tenants", label: t("admin.nav.tenants") },
          { href: "/admin/access", label: t("admin.nav.access") },
          { href: "/admin/staff", label: t("admin.nav.staff") },
          { href: "/ops", label: t("admin.nav.ops") },
        ]
      : [
          { href: "/ops", label: t("ops.nav.traces") },
          { href: "/ops/tenant", label: t("ops.nav.tenant") },
          { href: "/ops/health", label: t("ops.nav.health") },
        ];
  return (
    <AppShell
      title={area === "admin" ? t("backoffice.admin") : t("backoffice.ops")}
      nav={nav}
      context={
        <span className="truncate text-gray-500" translate="no">
          {staff.email}
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
      {children}
    </AppShell>
  );
}
