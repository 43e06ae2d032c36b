import { getTranslations } from "next-intl/server";
import { CloudAccessPanel } from "@/components/console/cloud-access-panel";
import { CloudPolicies } from "@/components/console/cloud-policies";
import { consolePage } from "@/components/console/console-context";
import { FailureMessage } from "@/components/console/failure-message";
import { readFlash } from "@/components/console/flash";
import { copyLabels, failureOutcome } from "@/components/console/outcome-of";
import { OutcomeMessage } from "@/components/ui/outcome";
import { describeCloudAccess, describeCloudPolicies } from "@/lib/actions";
import { codeArgs } from "@/lib/i18n";
import { callAction } from "@/lib/runtime/call-action";

export default async function CloudAccessPage() {
  const page = await consolePage();
  if (!page) return null;
  const t = await getTranslations();
  const provider = page.tenant.channel === "aliyun" || page.tenant.channel === "aws" ? page.tenant.channel : undefined;
  if (!provider)
    return (
      <>
        <h1 className="text-lg font-semibold">{t("console.nav.cloud")}</h1>
        <p className="rounded border border-gray-200 bg-white p-4 text-gray-600">{t("cloud.directChannel")}</p>
      </>
    );
  const [cloud, policies, flash, labels] = await Promise.all([
    callAction(page.who, describeCloudAccess, {}),
    callAction(page.who, describeCloudPolicies, { provider }),
    readFlash(),
    copyLabels(),
  ]);
  // what the marketplace's authorization return did (cloud-return), once
  const returned =
    flash &&
    ("done" in flash ? { ok: true as const, text: t("cloud.authorized") } : await failureOutcome({ code: flash.failed, ...flash }));
  return (
    <>
      <h1 className="text-lg font-semibold">
        {t("console.nav.cloud")} · {t("labels.cloud", codeArgs(provider))}
      </h1>
      <OutcomeMessage outcome={returned} labels={labels} />
      {cloud.ok ? (
        <CloudAccessPanel provider={provider} access={cloud.data.access.find((a) => a.provider === provider)} />
      ) : (
        <FailureMessage failure={cloud} />
      )}
      {policies.ok && <CloudPolicies policies={policies.data} />}
    </>
  );
}
