import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/layout/app-header";
import { HydrationMark } from "@/components/ui/hydration-mark";
import { IntlProvider } from "@/components/ui/intl-provider";
import { LocaleProvider } from "@/components/ui/locale";
import { requestLocale } from "@/lib/format/request-locale";
import { DEFAULT_LOCALE, isAppLocale, LOCALE_DIRECTION } from "@/lib/i18n/locales";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claimtrail", template: "%s · Claimtrail" },
  description: "Claim tracking and fact annotation for fact-checking teams",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The UI language (i18n/request.ts) and, from it, the locale dates are formatted in.
  const [locale, formatLocale, t] = await Promise.all([getLocale(), requestLocale(), getTranslations("layout")]);
  return (
    // lang and dir in the server's HTML, every page alike (403 and 404 too, finding T4): screen readers and
    // hyphenation read them before any script runs.
    <html lang={locale} dir={isAppLocale(locale) ? LOCALE_DIRECTION[locale] : "ltr"}>
      <body className="min-h-screen">
        <IntlProvider locale={isAppLocale(locale) ? locale : DEFAULT_LOCALE}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-3 focus:top-3 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
            {t("skipToContent")}
          </a>
          <LocaleProvider locale={formatLocale}>
            <AppHeader />
            <main id="main">{children}</main>
          </LocaleProvider>
          <HydrationMark />
        </IntlProvider>
      </body>
    </html>
  );
}
