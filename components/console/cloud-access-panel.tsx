import { Badge, type Tone } from "@/components/ui/badge";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Time } from "@/components/ui/time";
import type { Locale, MessageKey } from "@/lib/i18n";
import { bindCloudRole, createCloudLink, verifyCloud } from "./cloud-actions";

type Access = {
  provider: string;
  roleArn: string | null;
  externalId: string;
  status: string;
  verifiedAt: string | null;
  missingPermissions: string[];
  failure: { code: string; args?: Record<string, string> | undefined } | null;
};
type Policies = {
  permissions: { name: string; action: string; why: { en: string; zh: string } }[];
  permissionPolicy: object | null;
  trustPolicy: object | null;
};

const tone: Record<string, Tone> = { pending: "gray", verified: "green", failed: "red" };

/** Whether Skyport can reach the buyer's cloud, and if not, exactly what to fix. */
export function CloudAccessPanel(props: {
  provider: "aliyun" | "aws";
  access: Access | undefined;
  policies: Policies | null;
  link?: string;
  t: (k: MessageKey, args?: Record<string, string>) => string;
  locale: Locale;
}) {
  const { provider, access, policies, t, locale } = props;
  return (
    <section id="cloud" className="space-y-3 rounded border border-gray-200 bg-white p-4" data-testid="cloud-access">
      <h2 className="font-semibold">
        {t("nav.cloud")} · {provider === "aliyun" ? "Alibaba Cloud RAM" : "AWS IAM"}
      </h2>
      {!access?.roleArn ? (
        <p className="text-gray-600">{t("cloud.none")}</p>
      ) : (
        <dl className="grid grid-cols-[10rem_1fr] gap-y-1">
          <dt className="text-gray-500">{t("tenant.status")}</dt>
          <dd>
            <Badge tone={tone[access.status] ?? "gray"}>{t(`cloud.status.${access.status}` as MessageKey)}</Badge>
          </dd>
          <dt className="text-gray-500">{t("cloud.role")}</dt>
          <dd className="font-mono text-xs">{access.roleArn}</dd>
          <dt className="text-gray-500">{t("cloud.verified")}</dt>
          <dd>
            <Time value={access.verifiedAt} locale={locale} />
          </dd>
          {access.missingPermissions.length > 0 && (
            <>
              <dt className="text-gray-500">{t("cloud.missing")}</dt>
              <dd className="font-mono text-xs text-red-700">{access.missingPermissions.join(", ")}</dd>
            </>
          )}
        </dl>
      )}
      {access?.failure && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800" data-testid="cloud-error">
          {t(`cloud.failure.${access.failure.code}` as MessageKey, access.failure.args)}
        </p>
      )}
      {access && (
        <p className="text-gray-600">
          {t("cloud.externalId")}: <code className="font-mono text-xs">{access.externalId}</code>
        </p>
      )}
      {props.link && (
        <p className="break-all rounded bg-blue-50 px-3 py-2 font-mono text-xs">
          <a href={props.link} className="text-primary underline" target="_blank" rel="noreferrer">
            {props.link}
          </a>
        </p>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <form action={createCloudLink}>
          <input type="hidden" name="provider" value={provider} />
          <button type="submit" className="h-8 rounded border border-primary px-3 text-primary">
            {t("cloud.link")}
          </button>
        </form>
        {provider === "aws" && (
          <form action={bindCloudRole} className="flex items-end gap-2">
            <input type="hidden" name="provider" value={provider} />
            <Field
              label="Role ARN"
              name="roleArn"
              placeholder="arn:aws:iam::123456789012:role/SkyportAccess"
              className="w-96 font-mono text-xs"
            />
            <button type="submit" className="h-8 rounded border border-primary px-3 text-primary">
              {t("cloud.bind")}
            </button>
          </form>
        )}
        {access?.roleArn && (
          <form action={verifyCloud}>
            <input type="hidden" name="provider" value={provider} />
            <SubmitButton className="h-8 rounded bg-primary px-3 text-white" pending={t("cloud.verifying")}>
              {t("cloud.verify")}
            </SubmitButton>
          </form>
        )}
      </div>
      {policies && (
        <details>
          <summary className="cursor-pointer text-primary">{t("cloud.policies")}</summary>
          <ul className="mt-2 list-disc pl-6">
            {policies.permissions.map((p) => (
              <li key={p.name}>
                <code className="font-mono text-xs">{p.action}</code>: {locale === "zh" ? p.why.zh : p.why.en}
              </li>
            ))}
          </ul>
          {[policies.permissionPolicy, policies.trustPolicy].filter(Boolean).map((doc) => (
            <pre key={JSON.stringify(doc)} className="mt-2 overflow-x-auto rounded bg-gray-50 p-2 font-mono text-xs">
              {JSON.stringify(doc, null, 2)}
            </pre>
          ))}
        </details>
      )}
    </section>
  );
}
