import { getTranslations } from "next-intl/server";
import { requireSandbox } from "@/components/sandbox/require-sandbox";
import { PlainPage } from "@/components/shell/plain-page";
import { Time } from "@/components/ui/time";
import { devMails } from "@/lib/auth";

/** Development: the mails Skyport would have sent buyers (verification links), newest first. */
export default async function SandboxMailPage() {
  await requireSandbox();
  const t = await getTranslations();
  const mails = devMails();
  return (
    <PlainPage title={t("account.outboxTitle")}>
      {mails.length === 0 && <p className="text-gray-500">{t("account.outboxEmpty")}</p>}
      <ul className="space-y-3">
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
    </PlainPage>
  );
}
