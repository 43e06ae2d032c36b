import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { StatusBadge } from "@/components/ui/status-badge";
import { SubmitButton } from "@/components/ui/submit-button";
import { Time } from "@/components/ui/time";
import type { describeCloudAccess } from "@/lib/actions";
import type { ResultOf } from "@/lib/gateway";
import { cloudFailureText } from "@/lib/i18n";
import { bindRole, createCloudLink, verifyRole } from "./console-actions";
import { copyLabels } from "./outcome-of";

type Access = ResultOf<typeof describeCloudAccess>["access"][number];

/** Whether Skyport can reach the buyer's cloud, and if not, exactly what to fix, then the steps to fix it. */
export async function CloudAccessPanel({ provider, access }: { provider: "aliyun" | "aws"; access: Access | undefined }) {
  const [t, labels] = await Promise.all([getTranslations(), copyLabels()]);
  const hidden = <input type="hidden" name="provider" value={provider} />;
  const button = "h-8 rounded border border-primary px-3 text-primary hover:bg-blue-50";
  return (
    <section className="space-y-4 rounded border border-gray-200 bg-white p-4" data-testid="cloud-access">
      {!access?.roleArn ? (
        <p className="text-gray-600">{t("cloud.none")}</p>
      ) : (
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
          <dt className="text-gray-500">{t("console.overview.status")}</dt>
          <dd>
            <StatusBadge of="cloud" status={access.status} />
          </dd>
          <dt className="text-gray-500">{t("cloud.role")}</dt>
          <dd className="flex items-start gap-2">
            <code className="min-w-0 font-mono text-xs break-all">{access.roleArn}</code>
            <CopyButton text={access.roleArn} {...labels} />
          </dd>
          {access.verifiedAt && access.status !== "pending" && (
            <>
              {/* "Verified" only for a role that passed; a failed one was only checked */}
              <dt className="text-gray-500">{t(access.status === "verified" ? "cloud.verified" : "cloud.lastChecked")}</dt>
              <dd>
                <Time value={access.verifiedAt} />
              </dd>
            </>
          )}
          {access.missingPermissions.length > 0 && (
            <>
              <dt className="text-gray-500">{t("cloud.missing")}</dt>
              <dd className="font-mono text-xs break-all text-red-700">{access.missingPermissions.join(", ")}</dd>
            </>
          )}
        </dl>
      )}
      {access?.failure && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800" data-testid="cloud-error">
          {cloudFailureText(t, access.failure)}
        </p>
      )}
      {access && (
        <p className="flex flex-wrap items-center gap-2 text-gray-600">
          {t("cloud.externalId")}: <code className="font-mono text-xs break-all">{access.externalId}</code>
          <CopyButton text={access.externalId} {...labels} />
        </p>
      )}
      <ol className="space-y-3">
        <Step n={1} title={t("cloud.stepLink")}>
          <ActionForm action={createCloudLink} labels={labels}>
            {hidden}
            <SubmitButton className={button} pending={t("cloud.link")}>
              {t("cloud.link")}
            </SubmitButton>
          </ActionForm>
        </Step>
        {provider === "aws" && (
          <Step n={2} title={t("cloud.stepBind")}>
            <ActionForm action={bindRole} labels={labels} className="flex flex-wrap items-end gap-2">
              {hidden}
              <Field
                label={t("cloud.roleArn")}
                name="roleArn"
                placeholder="arn:aws:iam::123456789012:role/SkyportAccess"
                className="w-full font-mono text-xs sm:w-96"
              />
              <SubmitButton className={button} pending={t("cloud.bind")}>
                {t("cloud.bind")}
              </SubmitButton>
            </ActionForm>
          </Step>
        )}
        {access?.roleArn && (
          <Step n={provider === "aws" ? 3 : 2} title={t("cloud.stepVerify")}>
            <ActionForm action={verifyRole} labels={labels}>
              {hidden}
              <SubmitButton className="h-8 rounded bg-primary px-3 text-white hover:bg-primary-dark" pending={t("cloud.verifying")}>
                {t("cloud.verify")}
              </SubmitButton>
            </ActionForm>
          </Step>
        )}
      </ol>
    </section>
  );
}

function Step({ n, title, children }: { n: number; title: string; children: React.ReactNode }) {
  return (
    <li className="flex gap-3">
      <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-blue-50 text-xs font-semibold text-primary">
        {n}
      </span>
      <div className="min-w-0 flex-1 space-y-2">
        <h3 className="font-medium">{title}</h3>
        {children}
      </div>
    </li>
  );
}
