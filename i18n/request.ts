import { getRequestConfig } from "next-intl/server";
import { activeLocale } from "@/lib/i18n/active-locale";
import { loadMessages } from "@/lib/i18n/messages";
import { getMessageFallback, onIntlError } from "@/lib/i18n/missing-message";

/**
 * next-intl's per-request configuration (found by the plugin in next.config.js at this path).
 * No locale routing: URLs never carry the language; it is resolved per request from the person's
 * choice, the cookie and Accept-Language (lib/i18n/resolve-locale.ts).
 * Dates are shown in UTC across the app (lib/format/dates.ts explains why), so the formatter is too.
 */
export default getRequestConfig(async () => {
  const locale = await activeLocale();
  return { locale, messages: await loadMessages(locale), timeZone: "UTC", onError: onIntlError, getMessageFallback };
});
