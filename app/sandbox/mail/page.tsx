import { getTranslations } from "next-intl/server";
import { requireSandbox } from "@/components/sandbox/require-sandbox";
import { SandboxShell } from "@/components/sandbox/sandbox-shell";
import { Time } from "@/components/ui/time";
import { devMails } from "@/lib/auth";

/** Development: the mails Skyport would have sent buyers (verification links), newest first. */
export default async function SandboxMailPage() {
  await requireSandbox();
  const t = await getTranslations();
  const mails = devMails();
  return (
    <SandboxShell title={t("account.outboxTitle")}>
      <h1 className="text-lg font-semibold">{t("account.outboxTitle")}</h1>
      {mails.length === 0 && <p className="text-gray-500">{t("account.outboxEmpty")}</p>}
      <ul className="max-w-3xl space-y-3 rounded border border-gray-200 bg-white p-4">
        {mails.map((m) => (
          <li key={`${m.at}-${m.link}`} className="space-y-1 border-b border-gray-100 pb-2" data-testid="mail">
            <div className="flex justify-between gap-2 text-xs text-gray-500">
              <span translate="no" data-testid="mail-to">
                {m.to}
              </span>
              <Time value={m.at} />
            </div>
            <div className="font-medium">{t("account.mailKind", { kind: m.kind })}</div>
            <a href={m.link} className="block break-all font-mono text-xs text-primary underline" translate="no" data-testid="mail-link">
              {m.link}
            </a>
          </li>
        ))}
      </ul>
    </SandboxShell>
  );
}
