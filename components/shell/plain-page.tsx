import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OtherLanguage } from "./other-language";

/** A page outside any area (sign-in, not found, no session): the header, and one card. */
export async function PlainPage({
  title,
  tone = "plain",
  children,
}: {
  title: string;
  tone?: "plain" | "error";
  children: React.ReactNode;
}) {
  const t = await getTranslations();
  return (
    <div className="min-h-screen">
      <header className="flex h-12 items-center justify-between border-b border-gray-200 bg-white px-4">
        <Link href="/" className="font-semibold text-primary">
          {t("meta.title")}
        </Link>
        <OtherLanguage />
      </header>
      <main className="mx-auto mt-16 max-w-md space-y-4 rounded border border-gray-200 bg-white p-6 max-md:mx-4">
        <h1 className={`text-lg font-semibold ${tone === "error" ? "text-red-700" : ""}`}>{title}</h1>
        {children}
      </main>
    </div>
  );
}
