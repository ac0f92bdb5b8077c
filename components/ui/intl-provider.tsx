"use client";

import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import type { ReactNode } from "react";
import { getMessageFallback, onIntlError } from "@/lib/i18n/missing-message";

/**
 * next-intl for client components (useTranslations, useFormatter, useLocale). A client component
 * of its own because the missing-message handlers are functions, which can't be handed from the
 * server layout to the browser; the locale and messages come from the server (app/layout.tsx).
 */
export function IntlProvider({ locale, messages, children }: { locale: string; messages: AbstractIntlMessages; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC" onError={onIntlError} getMessageFallback={getMessageFallback}>
      {children}
    </NextIntlClientProvider>
  );
}
