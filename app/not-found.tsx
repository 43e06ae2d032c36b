import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PlainPage } from "@/components/shell/plain-page";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <PlainPage title={t("notFound.title")}>
      <p className="text-gray-600">{t("notFound.text")}</p>
      <Link href="/" className="text-primary underline">
        {t("notFound.home")}
      </Link>
    </PlainPage>
  );
}
