import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OtherLanguage } from "./other-language";

/** The compact header of every page: the product, what the page adds, the language switch, its actions. */
export async function TopBar({ children, actions }: { children?: React.ReactNode; actions?: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <header className="flex h-12 items-center gap-3 border-b border-gray-200 bg-white px-4">
      <Link href="/" className="shrink-0 font-semibold text-primary">
        {t("meta.title")}
      </Link>
      <div className="flex min-w-0 flex-1 items-center gap-3">{children}</div>
      <OtherLanguage />
      {actions}
    </header>
  );
}
