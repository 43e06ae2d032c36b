import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/components/console/console-context";
import { FailureMessage } from "@/components/console/failure-message";
import { SignOutButton } from "@/components/console/sign-out-button";
import { SignedOut } from "@/components/console/signed-out";
import { AppShell } from "@/components/shell/app-shell";
import { PlainPage } from "@/components/shell/plain-page";
import { Badge } from "@/components/ui/badge";
import { codeArgs } from "@/lib/i18n";

/** The buyer's console: one shell (tenant and plan in the header, sections on the left) around every page. */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const context = await consoleContext();
  if (!context) return <SignedOut />;
  const t = await getTranslations();
  if (!context.tenant.ok)
    return (
      <PlainPage title={t("console.loadFailed")} tone="error">
        <FailureMessage failure={context.tenant} />
        <SignOutButton />
      </PlainPage>
    );
  const tenant = context.tenant.data;
  const cloud = tenant.channel === "aliyun" || tenant.channel === "aws";
  // a direct tenant buys through Stripe (Billing), not a marketplace: it has no orders
  return (
    <AppShell
      title={t("console.title")}
      nav={[
        { href: "/console", label: t("console.nav.overview") },
        ...(cloud ? [{ href: "/console/cloud", label: t("console.nav.cloud") }] : []),
        { href: "/console/hosts", label: t("console.nav.hosts") },
        { href: "/console/hosts/add", label: t("console.nav.addHosts") },
        ...(cloud ? [{ href: "/console/hosts/sizing", label: t("console.nav.sizing") }] : []),
        { href: "/console/billing", label: t("directBilling.title") },
        { href: "/console/usage", label: t("console.nav.usage") },
        ...(tenant.channel !== "direct" ? [{ href: "/console/orders", label: t("console.nav.orders") }] : []),
        { href: "/console/audit", label: t("console.nav.audit") },
        { href: "/console/settings", label: t("console.nav.settings") },
      ]}
      context={
        <>
          <span className="truncate font-medium" data-testid="tenant-name" translate="no">
            {tenant.name}
          </span>
          <Badge tone="blue">{tenant.plan ? t("labels.plan", codeArgs(tenant.plan)) : t("common.none")}</Badge>
        </>
      }
      actions={<SignOutButton />}
    >
      {tenant.channel === "direct" && !tenant.plan ? (
        <p role="alert" className="rounded border border-blue-200 bg-blue-50 px-4 py-2 text-blue-900">
          {t("directBilling.noPlanBanner")}{" "}
          <Link href="/console/billing" className="font-medium underline">
            {t("directBilling.toBilling")}
          </Link>
        </p>
      ) : (
        tenant.status !== "active" && (
          <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-4 py-2 text-amber-900">
            {t(tenant.status === "closed" ? "console.closed" : "console.frozen")}
          </p>
        )
      )}
      {children}
    </AppShell>
  );
}
