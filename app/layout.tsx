import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { clientMessages } from "@/lib/i18n/client-messages";
import { isDemoInstance } from "@/lib/settings";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const [t, messages, demo] = await Promise.all([getTranslations(), getMessages(), isDemoInstance()]);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        {/* Only what client components use goes to the browser, not the whole catalog. */}
        <NextIntlClientProvider messages={clientMessages(messages)}>
          <a
            href="#inhoud"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-brand-dark"
          >
            {t("common.skipToContent")}
          </a>
          <SiteHeader />
          <main id="inhoud" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 outline-none">
            {children}
          </main>
          <footer className="border-t border-slate-300 bg-white">
            <div className="mx-auto max-w-6xl space-y-1 px-4 py-6 text-sm text-slate-700">
              <p>{t("footer.programme")}</p>
              <p>{t("footer.privacy")}</p>
              <p>
                <Link href="/privacy">{t("privacy.footerLink")}</Link>
              </p>
              {demo ? <p>{t("common.demoNotice")}</p> : null}
            </div>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
