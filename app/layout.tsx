import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("meta.title"), description: t("meta.description") };
}

// Every page is per request (sessions, language, tenant data, a CSP nonce);
// none may be prerendered at build time, when no database exists.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="font-sans">
        {/* client components get only what they translate themselves: the error page */}
        <NextIntlClientProvider messages={{ errorPage: messages.errorPage }}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
