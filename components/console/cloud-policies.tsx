import { getLocale, getTranslations } from "next-intl/server";
import type { describeCloudPolicies } from "@/lib/actions";
import type { ResultOf } from "@/lib/gateway";

/** What Skyport will do in the buyer's cloud, and the policy documents that allow exactly that. */
export async function CloudPolicies({ policies }: { policies: ResultOf<typeof describeCloudPolicies> }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <details className="rounded border border-gray-200 bg-white p-4">
      <summary className="cursor-pointer text-primary">{t("cloud.policies")}</summary>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {policies.permissions.map((p) => (
          <li key={p.name}>
            <code className="font-mono text-xs" translate="no">
              {p.action}
            </code>
            : {locale === "zh-CN" ? p.why.zh : p.why.en}
          </li>
        ))}
      </ul>
      {[policies.permissionPolicy, policies.trustPolicy].filter(Boolean).map((doc) => (
        <pre key={JSON.stringify(doc)} className="mt-2 overflow-x-auto rounded bg-gray-50 p-2 font-mono text-xs" translate="no">
          {JSON.stringify(doc, null, 2)}
        </pre>
      ))}
    </details>
  );
}
