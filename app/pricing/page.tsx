import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { TopBar } from "@/components/shell/top-bar";
import { metricIds, metrics, planIds, plans } from "@/lib/billing";
import { codeArgs } from "@/lib/i18n";

/** The public price list, from the catalogue: plans, limits, features, trials, and the metered usage. */
export default async function PricingPage() {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const usd = (cents: number) =>
    format.number(cents / 100, { style: "currency", currency: "USD", maximumFractionDigits: cents % 100 ? 3 : 0 });
  return (
    <div className="min-h-screen">
      <TopBar>
        <Link href="/account/signin" className="ml-auto text-primary hover:underline">
          {t("account.signinSubmit")}
        </Link>
      </TopBar>
      <main className="mx-auto max-w-5xl space-y-6 px-4 py-8">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold">{t("pricing.title")}</h1>
          <p className="text-gray-600">{t("pricing.subtitle")}</p>
        </div>
        <ul className="grid grid-cols-1 gap-4 md:grid-cols-3">
          {planIds.map((id) => {
            const plan = plans[id];
            return (
              <li key={id} className="flex flex-col gap-3 rounded border border-gray-200 bg-white p-5" data-testid={`plan-${id}`}>
                <h2 className="text-lg font-semibold">{t("labels.plan", codeArgs(id))}</h2>
                <p className="text-2xl font-semibold tabular-nums">{t("pricing.perMonth", { price: usd(plan.monthlyPriceCents) })}</p>
                <p className="text-sm text-gray-600">{t("pricing.trial", { days: plan.trialDays })}</p>
                <ul className="flex-1 space-y-1 text-sm">
                  <li>{t("pricing.hosts", { count: plan.maxHosts })}</li>
                  <li>{t("pricing.taskRuns", { count: plan.maxTaskRunsPerMonth })}</li>
                  <li>{t("pricing.subUsers", { count: plan.maxSubUsers })}</li>
                  {plan.features.map((f) => (
                    <li key={f}>✓ {t("pricing.feature", { feature: f })}</li>
                  ))}
                </ul>
                <Link
                  href="/account/signup"
                  className="inline-flex h-8 items-center justify-center rounded bg-primary px-4 text-white hover:bg-primary-dark"
                >
                  {plan.trialDays > 0 ? t("pricing.startTrial") : t("pricing.buy")}
                </Link>
              </li>
            );
          })}
        </ul>
        <section className="space-y-2 rounded border border-gray-200 bg-white p-5">
          <h2 className="font-semibold">{t("pricing.usageTitle")}</h2>
          <table className="text-sm">
            <tbody>
              {metricIds.map((m) => (
                <tr key={m}>
                  <td className="h-8 pr-6">{t("pricing.metric", { metric: m })}</td>
                  <td className="text-right tabular-nums">{t("pricing.unitPrice", { price: usd(metrics[m].unitPriceCents) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <p className="text-sm text-gray-600">{t("pricing.marketplaces")}</p>
        <p>
          <Link href="/account/signin" className="text-primary underline">
            {t("pricing.signIn")}
          </Link>
        </p>
      </main>
    </div>
  );
}
