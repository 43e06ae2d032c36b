import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { SelectField } from "@/components/ui/select-field";
import { StatusBadge } from "@/components/ui/status-badge";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { listTenantPage, maxPageSize, tenantListQuery, tenantSorts } from "@/lib/backoffice";
import { planIds } from "@/lib/billing";
import { invalidFields, queryValues } from "@/lib/http";
import { cloudFailureText, codeArgs } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";
import { FilterError } from "./filter-error";

/** The admin's tenant list: search, filters and sort in the URL, keyset pages, and the same list as CSV. */
export async function TenantList({ params }: { params: Record<string, string | string[] | undefined> }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const values = queryValues(params);
  const parsed = tenantListQuery.safeParse(values);
  const { db, config } = runtime();
  const page = parsed.success ? await listTenantPage(db.opsDb, parsed.data, config.AGENT_HEARTBEAT_SECONDS) : { rows: [], next: null };
  const { after: _, ...filters } = values;
  const href = (extra: Record<string, string>) => `?${new URLSearchParams({ ...filters, ...extra })}`;
  const any = (label: string) => ({ value: "", label });
  return (
    <div className="space-y-3">
      <form className="flex flex-wrap items-end gap-3 rounded border border-gray-200 bg-white p-4">
        <label className="block min-w-0 grow basis-64">
          <span className="text-xs text-gray-500">{t("admin.tenants.search")}</span>
          <input
            name="q"
            defaultValue={values.q}
            maxLength={100}
            placeholder={t("admin.tenants.searchHint")}
            className="mt-1 block h-8 w-full rounded border border-gray-300 px-2"
          />
        </label>
        <SelectField
          label={t("backoffice.channel")}
          name="channel"
          defaultValue={values.channel ?? ""}
          options={[
            any(t("admin.tenants.any")),
            ...["aliyun", "aws", "direct"].map((c) => ({ value: c, label: t("labels.channel", codeArgs(c)) })),
          ]}
        />
        <SelectField
          label={t("backoffice.status")}
          name="status"
          defaultValue={values.status ?? ""}
          options={[
            any(t("admin.tenants.any")),
            ...["active", "frozen", "closed"].map((s) => ({ value: s, label: t("labels.tenantStatus", codeArgs(s)) })),
            { value: "suspended", label: t("admin.tenant.suspended") },
          ]}
        />
        <SelectField
          label={t("backoffice.plan")}
          name="plan"
          defaultValue={values.plan ?? ""}
          options={[any(t("admin.tenants.any")), ...planIds.map((p) => ({ value: p, label: t("labels.plan", codeArgs(p)) }))]}
        />
        <SelectField
          label={t("backoffice.cloud")}
          name="cloud"
          defaultValue={values.cloud ?? ""}
          options={[
            any(t("admin.tenants.any")),
            ...["pending", "verified", "failed"].map((s) => ({ value: s, label: t("labels.cloudStatus", codeArgs(s)) })),
            { value: "none", label: t("admin.tenants.noRole") },
          ]}
        />
        <SelectField
          label={t("admin.tenants.expiring")}
          name="expiring"
          defaultValue={values.expiring ?? ""}
          options={[
            any(t("admin.tenants.any")),
            { value: "7", label: t("admin.tenants.within", { days: 7 }) },
            { value: "30", label: t("admin.tenants.within", { days: 30 }) },
          ]}
        />
        <SelectField
          label={t("admin.tenants.agents")}
          name="agents"
          defaultValue={values.agents ?? ""}
          options={[
            any(t("admin.tenants.any")),
            ...["online", "offline", "none"].map((a) => ({ value: a, label: t("admin.tenants.agentsFilter", codeArgs(a)) })),
          ]}
        />
        <SelectField
          label={t("admin.tenants.sort")}
          name="sort"
          defaultValue={values.sort ?? "newest"}
          options={tenantSorts.map((s) => ({ value: s, label: t("admin.tenants.sortBy", codeArgs(s)) }))}
        />
        <button type="submit" className="h-8 rounded bg-primary px-4 text-white">
          {t("backoffice.find")}
        </button>
        <a className="h-8 rounded border border-gray-300 px-4 leading-8 text-gray-700" href={`/admin/tenants/export${href({})}`} download>
          {t("admin.tenants.export")}
        </a>
      </form>
      {!parsed.success && <FilterError fields={invalidFields(parsed.error)} />}
      <Table
        head={[
          t("backoffice.name"),
          t("backoffice.channel"),
          t("backoffice.account"),
          t("backoffice.status"),
          t("backoffice.plan"),
          t("backoffice.expires"),
          { label: t("admin.tenants.hosts"), numeric: true },
          { label: t("admin.tenants.hostHours"), numeric: true },
          t("backoffice.cloud"),
          t("backoffice.created"),
        ]}
        empty={t("admin.tenants.empty")}
      >
        {page.rows.map((x) => (
          <tr key={x.id} data-testid="tenant-row">
            {/* a long name or account is cut, whole on hover and on the tenant's page, so that the list stays in view */}
            <Cell fill>
              <a className="text-primary hover:underline" href={`/admin/tenant?id=${x.id}`} title={x.displayName} translate="no">
                {x.displayName}
              </a>
            </Cell>
            <Cell>
              <Badge tone="blue">{t("admin.overview.channel", codeArgs(x.channel))}</Badge>
            </Cell>
            <Cell mono>
              <span className="block max-w-40 truncate" title={x.externalId}>
                {x.externalId}
              </span>
            </Cell>
            <Cell>
              <span className="space-x-1">
                <StatusBadge of="tenant" status={x.status} />
                {x.suspended && <Badge tone="red">{t("admin.tenant.suspended")}</Badge>}
              </span>
            </Cell>
            <Cell>{x.plan ? t("labels.plan", codeArgs(x.plan)) : t("common.none")}</Cell>
            <Cell>
              <Time value={x.expiresAt} day />
            </Cell>
            <Cell numeric>{`${format.number(x.hostsOnline)} / ${format.number(x.hosts)}`}</Cell>
            <Cell numeric>{format.number(x.hostHours, { maximumFractionDigits: 1 })}</Cell>
            <Cell>
              {x.cloud ? (
                <span title={x.cloudFailure ? cloudFailureText(t, { code: x.cloudFailure }) : undefined}>
                  <StatusBadge of="cloud" status={x.cloud} />
                </span>
              ) : (
                t("common.none")
              )}
            </Cell>
            <Cell>
              <Time value={x.createdAt} day />
            </Cell>
          </tr>
        ))}
      </Table>
      <nav className="flex items-center gap-4" aria-label={t("admin.tenants.pages")}>
        {values.after && (
          <a className="text-primary hover:underline" href={href({})}>
            {t("admin.tenants.firstPage")}
          </a>
        )}
        {page.next && (
          <a className="text-primary hover:underline" href={href({ after: page.next })} data-testid="next-page">
            {t("admin.tenants.nextPage")}
          </a>
        )}
        <span className="text-xs text-gray-500">
          {t("admin.tenants.pageSize", { size: parsed.success ? parsed.data.size : 50, max: maxPageSize })}
        </span>
      </nav>
    </div>
  );
}
