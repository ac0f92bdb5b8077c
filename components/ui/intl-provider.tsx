"use client";

import { NextIntlClientProvider } from "next-intl";
import { use, type ReactNode } from "react";
import { clientMessages } from "@/lib/i18n/client-messages";
import type { AppLocale } from "@/lib/i18n/locales";
import { getMessageFallback, onIntlError } from "@/lib/i18n/missing-message";

/**
 * next-intl for client components (useTranslations, useFormatter, useLocale). A client component
 * of its own because the missing-message handlers are functions, which can't be handed from the
 * server layout to the browser. The locale comes from the server (app/layout.tsx); the messages
 * are loaded here (lib/i18n/client-messages.ts), not sent with every page.
 */
export function IntlProvider({ locale, children }: { locale: AppLocale; children: ReactNode }) {
  const messages = use(clientMessages(locale));
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC" onError={onIntlError} getMessageFallback={getMessageFallback}>
      {children}
    </NextIntlClientProvider>
  );
}
