import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S, type AppLocale } from "./locales";

/**
 * The browser's language cookie (read by i18n/request.ts after a saved choice): set by the
 * signed-out language switcher, and by Settings → Language so the choice also holds after
 * signing out; cleared by "Browser default". Not httpOnly: it holds nothing secret, and the
 * switcher sets it without a server round trip.
 */
export function writeLocaleCookie(locale: AppLocale | null): void {
  document.cookie = locale
    ? `${LOCALE_COOKIE}=${locale}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE_S}; samesite=lax`
    : `${LOCALE_COOKIE}=; path=/; max-age=0; samesite=lax`;
}
