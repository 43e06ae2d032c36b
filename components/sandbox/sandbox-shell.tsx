import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";

/** The sandbox's pages: one per marketplace, the cloud console, the buyer's hosts, direct sales and their mail, and the console they lead to. */
export async function SandboxShell({ title, children }: { title: string; children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <AppShell
      title={title}
      nav={[
        { href: "/sandbox", label: t("sandbox.navAliyun") },
        { href: "/sandbox/aws", label: t("sandbox.navAws") },
        { href: "/sandbox/console", label: t("sandbox.navConsole") },
        { href: "/sandbox/hosts", label: t("sandbox.navHosts") },
        { href: "/pricing", label: t("pricing.title") },
        { href: "/sandbox/mail", label: t("account.outboxTitle") },
        { href: "/console", label: t("home.console") },
      ]}
    >
      {children}
    </AppShell>
  );
}
