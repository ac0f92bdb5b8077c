/**
 * The one way Claimtrail shows a date or a time, on the server and in the browser alike.
 *
 * - The locale is the viewer's (the request's Accept-Language, see negotiateLocale), so a
 *   server-rendered page and its hydration in the browser format with the same locale.
 * - Everything is formatted in UTC. Date-only values (an article's published date, a claim's
 *   date) are stored as midnight UTC, so formatting them in any other zone would move them a day
 *   west of Greenwich; timestamps say "UTC" so nobody mistakes them for local time. The server
 *   does not know the viewer's time zone, and a page that formatted in it only in the browser
 *   would change under the reader's eyes after hydration.
 */

import { rankAcceptLanguage } from "@/lib/i18n/accept-language";

/** Used when the request names no locale we can format in. */
export const FALLBACK_LOCALE = "en-GB";

export type DateStyle =
  /** A calendar date, month in words: "17 December 2021". */
  | "day"
  /** A calendar date, short month: "17 Dec 2021". */
  | "day-short"
  /** A moment: "17 Dec 2021, 14:05 UTC". */
  | "date-time";

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  day: { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
  "day-short": { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" },
  "date-time": { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" },
};

/** A formatter per locale and style: building one is far dearer than using it. Pure, so safe to share. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale}\u0000${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, OPTIONS[style]);
    formatters.set(key, f);
  }
  return f;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A Date from a Date, an ISO timestamp or a "YYYY-MM-DD" day (midnight UTC); null when it is none of them. */
export function toDate(value: Date | string): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const day = DATE_ONLY.exec(value);
  const d = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `value` in `style` for `locale`; a string that is no date at all is shown as it is rather than as "Invalid Date". */
export function formatDate(value: Date | string, locale: string, style: DateStyle): string {
  const d = toDate(value);
  if (!d) return String(value);
  return formatter(normalizeLocale(locale) ?? FALLBACK_LOCALE, style).format(d);
}

/** The locale as Intl spells it, or null when Intl can't format dates in it. */
export function normalizeLocale(tag: string): string | null {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag])[0] ?? null;
  } catch {
    return null; // not a well-formed language tag
  }
}

/**
 * The locale dates and numbers are formatted in for a page shown in `uiLocale` (en/ru/uk):
 * - the browser's preferred tag when it is a variant of the UI language (en + "en-US" → en-US);
 * - in the English UI, the browser's preferred locale whatever it is, as before there were
 *   translations (a German reader of the English UI keeps «17. Dezember 2021»);
 * - otherwise the UI language (a Russian page for an en-US browser says «17 дек. 2021 г.»).
 */
export function formattingLocale(uiLocale: string, acceptLanguage: string | null | undefined): string {
  const preferred = negotiateLocale(acceptLanguage);
  if (uiLocale === "en" || preferred.split("-")[0].toLowerCase() === uiLocale) return preferred;
  return normalizeLocale(uiLocale) ?? FALLBACK_LOCALE;
}

/**
 * The viewer's locale from an Accept-Language header: the most preferred entry (by q, then
 * order) that Intl can format dates in; FALLBACK_LOCALE when none can (or there is no header).
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): string {
  for (const tag of rankAcceptLanguage(acceptLanguage)) {
    const locale = normalizeLocale(tag);
    if (locale) return locale;
  }
  return FALLBACK_LOCALE;
}
