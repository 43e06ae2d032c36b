import { getTranslations } from "next-intl/server";
import { PlainPage } from "@/components/shell/plain-page";
import { runtime } from "@/lib/runtime";

/** /console without a session: how a buyer gets in. */
export async function SignedOut() {
  const t = await getTranslations();
  const { config } = runtime();
  return (
    <PlainPage title={t("console.title")}>
      <p className="text-gray-600">{t("console.noSession")}</p>
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        <a className="text-primary underline" href="/account/signin">
          {t("account.signinTitle")}
        </a>
        <a className="text-primary underline" href="/pricing">
          {t("pricing.title")}
        </a>
      </p>
      {config.SEED_DEMO === "on" && config.SKYPORT_ENV !== "production" && (
        <a className="text-primary underline" href="/console/demo">
          {t("console.demo")}
        </a>
      )}
    </PlainPage>
  );
}
