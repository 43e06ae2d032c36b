import { getFormatter, getTranslations } from "next-intl/server";
import { consolePage } from "@/components/console/console-context";
import { FailureMessage } from "@/components/console/failure-message";
import { refreshSizing } from "@/components/console/host-actions";
import { HostLink } from "@/components/console/hosts-table";
import { NeedsRole } from "@/components/console/needs-role";
import { copyLabels } from "@/components/console/outcome-of";
import { sizingIfVerified } from "@/components/console/sizing-call";
import { sizingProviderOf, sizingRegions } from "@/components/console/sizing-regions";
import { sizingWords } from "@/components/console/sizing-words";
import { ActionForm } from "@/components/ui/action-form";
import { Pager, plainButton } from "@/components/ui/pager";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Cell, Table } from "@/components/ui/table";
import { queryValues } from "@/lib/http";

/** A target instance for each host in a region of the buyer's cloud, priced where the cloud's price API answers. */
export default async function SizingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await consolePage();
  if (!page) return null;
  const t = await getTranslations();
  const provider = sizingProviderOf(page.tenant.channel);
  if (!provider)
    return (
      <>
        <h1 className="text-lg font-semibold">{t("console.nav.sizing")}</h1>
        <p className="rounded border border-gray-200 bg-white p-4 text-gray-600">{t("sizing.directChannel")}</p>
      </>
    );
  const q = queryValues(await searchParams);
  const regions: readonly string[] = sizingRegions[provider];
  const region = regions.find((r) => r === q.region) ?? (regions[0] as string);
  const agentId = q.agentId && /^[0-9a-f-]{36}$/.test(q.agentId) ? q.agentId : undefined;
  // the cursor only ever goes back to the action, which refuses a malformed one
  const after = q.after;
  const keep = (extra: Record<string, string>) =>
    `/console/hosts/sizing?${new URLSearchParams({ region, ...(agentId && { agentId }), ...extra })}`;
  const [format, words, labels, asked] = await Promise.all([
    getFormatter(),
    sizingWords(),
    copyLabels(),
    sizingIfVerified(page.who, provider, { region, ...(agentId && { agentIds: [agentId] }), ...(after && { nextToken: after }) }),
  ]);
  const sizing = asked === "needsRole" ? undefined : asked;
  const needsRole = !sizing || (!sizing.ok && sizing.reason?.key === "sizing.noVerifiedRole");
  return (
    <>
      <h1 className="text-lg font-semibold">{t("console.nav.sizing")}</h1>
      <div className="flex flex-wrap items-end gap-3">
        <form className="flex flex-wrap items-end gap-3">
          <SelectField label={t("sizing.region")} name="region" defaultValue={region} options={regions} />
          {agentId && <input type="hidden" name="agentId" value={agentId} />}
          <button type="submit" className={plainButton}>
            {t("sizing.show")}
          </button>
        </form>
        {sizing?.ok && (
          <ActionForm action={refreshSizing} labels={labels}>
            <input type="hidden" name="region" value={region} />
            <SubmitButton className="h-8 rounded border border-primary px-3 text-primary hover:bg-blue-50" pending={t("sizing.refreshing")}>
              {t("sizing.refresh")}
            </SubmitButton>
          </ActionForm>
        )}
      </div>
      {needsRole ? (
        <NeedsRole />
      ) : !sizing.ok ? (
        <FailureMessage failure={sizing} />
      ) : (
        <>
          <p className="text-gray-600" data-testid="sizing-age">
            {t("sizing.readAt", { age: format.relativeTime(new Date(sizing.data.fetchedAt)), priced: String(sizing.data.priced) })}
          </p>
          <Table
            head={[
              t("hosts.hostname"),
              t("sizing.needs"),
              t("sizing.recommended"),
              { label: t("sizing.shape"), numeric: true },
              { label: t("sizing.monthly"), numeric: true },
              t("sizing.why"),
            ]}
            empty={t("sizing.noHosts")}
          >
            {sizing.data.recommendations.map((r) => (
              <tr key={r.agentId} data-testid="sizing-row">
                <Cell>
                  <HostLink agentId={r.agentId} hostname={r.hostname} />
                </Cell>
                <Cell>{words.needs(r)}</Cell>
                <Cell mono>{r.offer?.type ?? "—"}</Cell>
                <Cell numeric>{words.offer(r)}</Cell>
                <Cell numeric>{words.price(r)}</Cell>
                <td className="px-3 py-1 text-gray-600">{words.reason(r)}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
      <Pager
        first={after ? { href: keep({}), label: t("hosts.firstPage") } : undefined}
        next={
          sizing?.ok && sizing.data.nextToken ? { href: keep({ after: sizing.data.nextToken }), label: t("hosts.nextPage") } : undefined
        }
      />
    </>
  );
}
