"use client";

import { createContext, useContext, type ReactNode } from "react";
import { FALLBACK_LOCALE, formatDate, type DateStyle } from "@/lib/format/dates";

/**
 * The viewer's locale, chosen once per request on the server (app/layout.tsx, from
 * Accept-Language) and handed to client components, so the browser formats exactly as the
 * server did and hydration finds the same text.
 */
const LocaleContext = createContext<string>(FALLBACK_LOCALE);

export function LocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): string {
  return useContext(LocaleContext);
}

/** A date or time in the viewer's locale (lib/format/dates.ts), as a <time> element with the machine-readable value. */
export function Time({ value, style, className }: { value: Date | string; style: DateStyle; className?: string }) {
  const locale = useLocale();
  const iso = typeof value === "string" ? value : value.toISOString();
  // The browser's ICU may spell a month differently from Node's ("Sep"/"Sept"); a difference
  // that small must not make React throw away the server's HTML.
  return (
    <time dateTime={style === "date-time" ? iso : iso.slice(0, 10)} className={className} suppressHydrationWarning>
      {formatDate(value, locale, style)}
    </time>
  );
}
