import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { LocaleProvider } from "@/components/ui/locale";
import { requestLocale } from "@/lib/format/request-locale";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claimtrail", template: "%s · Claimtrail" },
  description: "Claim tracking and fact annotation for fact-checking teams",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-3 focus:top-3 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <LocaleProvider locale={locale}>
          <AppHeader />
          <main id="main">{children}</main>
        </LocaleProvider>
      </body>
    </html>
  );
}
