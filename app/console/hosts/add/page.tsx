import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/console/auto-refresh";
import { consolePage } from "@/components/console/console-context";
import { DownloadLinkForm } from "@/components/console/download-link-form";
import { FailureMessage } from "@/components/console/failure-message";
import { revokeDownload } from "@/components/console/host-actions";
import { AgentStatusBadge, HostLink } from "@/components/console/hosts-table";
import { copyLabels } from "@/components/console/outcome-of";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { SubmitButton } from "@/components/ui/submit-button";
import { Cell, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { describeAgentEnrolments, listAgentDownloads } from "@/lib/actions";
import { codeArgs } from "@/lib/i18n";
import { runtime } from "@/lib/runtime";
import { callAction } from "@/lib/runtime/call-action";

/** Add hosts: a download link and its install command, the plan's room, and hosts as they enrol (refreshed every few seconds). */
export default async function AddHostsPage() {
  const page = await consolePage();
  if (!page) return null;
  const [t, labels, enrolments, downloads] = await Promise.all([
    getTranslations(),
    copyLabels(),
    callAction(page.who, describeAgentEnrolments, {}),
    callAction(page.who, listAgentDownloads, {}),
  ]);
  const now = Date.now();
  return (
    <>
      <AutoRefresh seconds={3} />
      <h1 className="text-lg font-semibold">{t("addHosts.title")}</h1>
      <Panel title={t("addHosts.step1")}>
        <DownloadLinkForm
          labels={{
            ...labels,
            os: t("addHosts.os"),
            linux: t("addHosts.linux"),
            windows: t("addHosts.windows"),
            create: t("addHosts.create"),
            creating: t("addHosts.creating"),
            link: t("addHosts.link"),
            command: t("addHosts.command"),
            windowsCommand: t("addHosts.windowsCommand"),
            expires: t("addHosts.linkExpires"),
            windowsNeedsNode: t("addHosts.windowsNeedsNode"),
          }}
        />
        {runtime().config.SANDBOX === "on" && (
          <p className="text-xs text-gray-600" data-testid="sandbox-hint">
            {t.rich("addHosts.sandboxHint", {
              sandbox: (chunks) => (
                <Link href="/sandbox/hosts" className="text-primary hover:underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        )}
      </Panel>
      <Panel title={t("addHosts.step2")} testId="enrolments">
        {enrolments.ok ? (
          <>
            <p className="text-gray-700" data-testid="host-quota">
              {t("addHosts.quota", {
                enrolled: enrolments.data.hostsEnrolled,
                limit: enrolments.data.hostLimit,
                remaining: enrolments.data.remaining,
                plan: enrolments.data.plan ? t("labels.plan", codeArgs(enrolments.data.plan)) : "",
              })}
            </p>
            {enrolments.data.remaining === 0 && (
              <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-amber-900">
                {t("addHosts.full")}
              </p>
            )}
            <Table head={[t("hosts.hostname"), t("hosts.status"), t("addHosts.enrolledAt")]} empty={t("addHosts.waiting")}>
              {enrolments.data.recent.map((a) => (
                <tr key={a.agentId} data-testid="enrolled-host">
                  <Cell>
                    <HostLink agentId={a.agentId} hostname={a.hostname} />
                  </Cell>
                  <Cell>
                    <AgentStatusBadge status={a.status} />
                  </Cell>
                  <Cell>
                    <Time value={a.enrolledAt} />
                  </Cell>
                </tr>
              ))}
            </Table>
          </>
        ) : (
          <FailureMessage failure={enrolments} />
        )}
      </Panel>
      <Panel title={t("addHosts.downloads")}>
        {downloads.ok ? (
          <Table
            head={[
              t("addHosts.os"),
              t("addHosts.created"),
              t("addHosts.tokenExpires"),
              { label: t("addHosts.enrolments"), numeric: true },
              t("hosts.status"),
              "",
            ]}
            empty={t("addHosts.noDownloads")}
          >
            {downloads.data.downloads.map((d) => {
              const state = d.revoked ? "revoked" : Date.parse(d.enrolmentExpiresAt) < now ? "expired" : "active";
              return (
                <tr key={d.downloadId} data-testid="download-row">
                  <Cell>{t("addHosts.osName", { os: d.os.replace("-", "_") })}</Cell>
                  <Cell>
                    <Time value={d.createdAt} />
                  </Cell>
                  <Cell>
                    <Time value={d.enrolmentExpiresAt} />
                  </Cell>
                  <Cell numeric>
                    {d.enrolments} / {d.maxEnrolments}
                  </Cell>
                  <Cell>
                    <Badge tone={state === "active" ? "green" : state === "revoked" ? "red" : "gray"}>
                      {t("addHosts.downloadState", { state })}
                    </Badge>
                  </Cell>
                  <Cell>
                    {state === "active" && (
                      <ActionForm action={revokeDownload} labels={labels}>
                        <input type="hidden" name="downloadId" value={d.downloadId} />
                        <SubmitButton className="text-red-700 hover:underline" pending={t("addHosts.revoking")}>
                          {t("addHosts.revoke")}
                        </SubmitButton>
                      </ActionForm>
                    )}
                  </Cell>
                </tr>
              );
            })}
          </Table>
        ) : (
          <FailureMessage failure={downloads} />
        )}
      </Panel>
    </>
  );
}
