import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/components/backoffice/require-staff";
import { Panel } from "@/components/ui/panel";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { listTenantViews } from "@/lib/backoffice";
import { runtime } from "@/lib/runtime";

/** Which tenants staff opened in /ops, when and why: the access audit. */
export default async function AdminAccessPage() {
  await requireStaff("/admin", ["isv_admin"]);
  const [t, views] = await Promise.all([getTranslations(), listTenantViews(runtime().db.opsDb)]);
  return (
    <>
      <h1 className="text-lg font-semibold">{t("admin.access.title")}</h1>
      <Panel title={t("admin.access.views")} testId="access-audit">
        <p className="text-xs text-gray-500">{t("admin.access.hint")}</p>
        <Table
          head={[t("backoffice.at"), t("admin.access.staff"), t("backoffice.tenant"), t("ops.tenant.reason")]}
          empty={t("admin.access.empty")}
        >
          {views.map((v) => (
            <tr key={v.id} data-testid="access-row">
              <Cell>
                <Time value={v.at} />
              </Cell>
              <Cell mono>{v.actor}</Cell>
              <Cell mono>
                <a className="text-primary hover:underline" href={`/admin/tenant?id=${encodeURIComponent(v.tenantId)}`}>
                  {v.tenantId}
                </a>
              </Cell>
              <Cell>{v.reason ?? "—"}</Cell>
            </tr>
          ))}
        </Table>
      </Panel>
    </>
  );
}
