import { createTranslator } from "next-intl";
import { loadMessages } from "./messages";
import { getMessageFallback, onIntlError } from "./missing-message";
import type { AppLocale } from "./locales";
import type { Namespace } from "./namespaces";

/**
 * A `t` for code that runs outside a page render, or in another person's language: e-mails in the
 * recipient's locale, route handlers, workers. Pages and components use next-intl's
 * getTranslations / useTranslations instead. Same missing-message marker and logging as the UI.
 */
export async function translatorFor(locale: AppLocale, namespace: Namespace) {
  return createTranslator({ locale, messages: await loadMessages(locale), namespace, timeZone: "UTC", onError: onIntlError, getMessageFallback });
}
