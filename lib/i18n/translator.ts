import { createTranslator, type TranslationValues } from "next-intl";
import { loadMessages } from "./messages";
import { getMessageFallback, onIntlError } from "./missing-message";
import type { AppLocale } from "./locales";
import type { Namespace } from "./namespaces";

/**
 * A `t` for code that runs outside a page render, or in another person's language: e-mails in the
 * recipient's locale, route handlers, workers. Pages and components use next-intl's
 * getTranslations / useTranslations instead. Same missing-message marker and logging as the UI.
 */
export async function translatorFor(locale: AppLocale, namespace: Namespace): Promise<Translate> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace, timeZone: "UTC", onError: onIntlError, getMessageFallback });
  // The catalogue isn't declared to TypeScript (keys are checked by messages.test.ts), so keys are plain strings here.
  return (key, values) => (t as unknown as Translate)(key, values);
}

/** A message of the namespace by key, with its ICU values. */
export type Translate = (key: string, values?: TranslationValues) => string;

/** A message by its full key (`audit.summary.merged`, `common.roles.admin`), and whether the catalogue has one. */
export type CatalogueTranslate = Translate & { has(key: string): boolean };

/**
 * The whole catalogue of a locale, as `await getTranslations()` gives it on a page: for text the
 * server writes from stored data and someone reads later in their own language (audit summaries,
 * notifications), where the keys span namespaces.
 */
export async function catalogueTranslatorFor(locale: AppLocale): Promise<CatalogueTranslate> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), timeZone: "UTC", onError: onIntlError, getMessageFallback });
  const translate = ((key, values) => (t as unknown as Translate)(key, values)) as CatalogueTranslate;
  translate.has = (key) => t.has(key as never);
  return translate;
}
