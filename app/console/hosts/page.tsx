import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/console/auto-refresh";
import { consolePage } from "@/components/console/console-context";
import { FailureMessage } from "@/components/console/failure-message";
import { HostsTable } from "@/components/console/hosts-table";
import { Field } from "@/components/ui/field";
import { Pager, plainButton } from "@/components/ui/pager";
import { SelectField } from "@/components/ui/select-field";
import { describeAgents } from "@/lib/actions";
import { queryValues } from "@/lib/http";
import { codeArgs } from "@/lib/i18n";
import { callAction } from "@/lib/runtime/call-action";

const statuses = ["online", "offline", "revoked"] as const;

/** Every host an agent reports: filter by status, search by hostname, a page at a time; refreshed every few seconds. */
export default async function HostsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await consolePage();
  if (!page) return null;
  const q = queryValues(await searchParams);
  const status = statuses.find((s) => s === q.status);
  const search = q.search?.slice(0, 255);
  const after = q.after;
  const [t, hosts] = await Promise.all([
    getTranslations(),
    callAction(page.who, describeAgents, {
      pageSize: 25,
      ...(status && { status }),
      ...(search && { search }),
      ...(after && { nextToken: after }),
    }),
  ]);
  const keep = (extra: Record<string, string>) =>
    `/console/hosts?${new URLSearchParams({ ...(status && { status }), ...(search && { search }), ...extra })}`;
  return (
    <>
      {/* hosts come online and go offline by themselves: the list follows */}
      <AutoRefresh seconds={10} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-lg font-semibold">{t("console.nav.hosts")}</h1>
        <Link href="/console/hosts/add" className="inline-flex h-8 items-center rounded bg-primary px-4 text-white hover:bg-primary-dark">
          {t("hosts.addHosts")}
        </Link>
      </div>
      <search>
        <form className="flex flex-wrap items-end gap-3">
          <SelectField
            label={t("hosts.status")}
            name="status"
            defaultValue={status ?? ""}
            options={[
              { value: "", label: t("hosts.anyStatus") },
              ...statuses.map((s) => ({ value: s, label: t("labels.agentStatus", codeArgs(s)) })),
            ]}
          />
          <Field label={t("hosts.search")} name="search" defaultValue={search ?? ""} maxLength={255} className="w-56" />
          <button type="submit" className={plainButton}>
            {t("hosts.filter")}
          </button>
        </form>
      </search>
      {hosts.ok ? <HostsTable agents={hosts.data.agents} /> : <FailureMessage failure={hosts} />}
      <Pager
        first={after ? { href: keep({}), label: t("hosts.firstPage") } : undefined}
        next={hosts.ok && hosts.data.nextToken ? { href: keep({ after: hosts.data.nextToken }), label: t("hosts.nextPage") } : undefined}
      />
    </>
  );
}
