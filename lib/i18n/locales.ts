/**
 * The languages of the UI. English is the source of truth: every other locale has exactly its
 * keys (lib/i18n/messages.test.ts). Pure: imported by the server and by client components.
 */
export const LOCALES = ["en", "ru", "uk"] as const;

export type AppLocale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: AppLocale = "en";

/** The cookie the language switcher of signed-out pages sets (a year; read by i18n/request.ts). */
export const LOCALE_COOKIE = "claimtrail-locale";
export const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

/** Each language's writing direction, for the page's `dir` (all three are left to right; a right-to-left UI language would say so here). */
export const LOCALE_DIRECTION: Record<AppLocale, "ltr" | "rtl"> = { en: "ltr", ru: "ltr", uk: "ltr" };

/** Each language named in itself, for the language pickers. */
export const LOCALE_NAMES: Record<AppLocale, string> = { en: "English", ru: "Русский", uk: "Українська" };

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
