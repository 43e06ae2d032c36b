"use client";

import { useTranslations } from "next-intl";

/** Any page that failed to render: what happened, a way to retry, and the reference support can find in the logs. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  return (
    <main className="mx-auto mt-24 max-w-md space-y-3 rounded border border-red-200 bg-white p-6 max-md:mx-4" role="alert">
      <h1 className="text-lg font-semibold text-red-700">{t("errorPage.title")}</h1>
      <p className="text-gray-700">{t("errorPage.text")}</p>
      {error.digest && <p className="font-mono text-xs text-gray-500">{t("errorPage.reference", { digest: error.digest })}</p>}
      <button type="button" onClick={reset} className="h-8 rounded bg-primary px-4 text-white hover:bg-primary-dark">
        {t("errorPage.retry")}
      </button>
    </main>
  );
}
