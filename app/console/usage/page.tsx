import { getTranslations } from "next-intl/server";
import { consolePage } from "@/components/console/console-context";
import { FailureMessage } from "@/components/console/failure-message";
import { MeteringTable } from "@/components/console/metering-table";
import { UsagePanel } from "@/components/console/usage-panel";
import { Panel } from "@/components/ui/panel";
import { describeMetering, describeUsage } from "@/lib/actions";
import { codeArgs } from "@/lib/i18n";
import { callAction } from "@/lib/runtime/call-action";

type Search = { month?: string; day?: string };

/** The tenant's usage this month (or another), and per hour what was billed on its channel and acknowledged. */
export default async function UsagePage({ searchParams }: { searchParams: Promise<Search> }) {
  const page = await consolePage();
  if (!page) return null;
  const q = await searchParams;
  // malformed values are the actions' to refuse: the page shows their message
  const [t, usage, metering] = await Promise.all([
    getTranslations(),
    callAction(page.who, describeUsage, q.month ? { month: q.month } : {}),
    callAction(page.who, describeMetering, q.day ? { day: q.day } : {}),
  ]);
  const input = "h-8 rounded border border-gray-300 px-2";
  const show = "h-8 rounded border border-gray-300 px-3 text-gray-700 hover:border-primary hover:text-primary";
  return (
    <>
      <h1 className="text-lg font-semibold">{t("usage.title")}</h1>
      {usage.ok ? (
        <UsagePanel
          usage={usage.data}
          aside={
            <form className="flex items-center gap-2">
              <label className="text-gray-600" htmlFor="month">
                {t("usage.month")}
              </label>
              <input id="month" name="month" type="month" defaultValue={usage.data.month} className={input} />
              <button type="submit" className={show}>
                {t("usage.show")}
              </button>
            </form>
          }
        />
      ) : (
        <FailureMessage failure={usage} />
      )}
      <Panel
        title={t("usage.metering")}
        testId="metering"
        aside={
          <form className="flex items-center gap-2">
            <label className="text-gray-600" htmlFor="day">
              {t("usage.day")}
            </label>
            <input id="day" name="day" type="date" defaultValue={q.day} className={input} />
            <button type="submit" className={show}>
              {t("usage.show")}
            </button>
          </form>
        }
      >
        {metering.ok ? (
          <>
            <p className="text-gray-600">
              {t("usage.meteringHint", {
                channel: t("usage.billedBy", codeArgs(metering.data.channel)),
                last24: q.day ? "no" : "yes",
              })}
            </p>
            <MeteringTable metering={metering.data} />
          </>
        ) : (
          <FailureMessage failure={metering} />
        )}
      </Panel>
    </>
  );
}
