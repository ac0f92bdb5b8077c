import type { AbstractIntlMessages } from "next-intl";
import type { AppLocale } from "./locales";
import { NAMESPACES } from "./namespaces";

/**
 * Every message of a locale: messages/<locale>/<namespace>.json merged into `{ [namespace]: {...} }`.
 * The files are bundled at build time (the import is static enough for the bundler to see them all),
 * so nothing is read from disk per request. The result is built once per locale per process: it is
 * derived from the build, never changed, so sharing it between requests is safe.
 */
const loaded = new Map<AppLocale, Promise<AbstractIntlMessages>>();

export function loadMessages(locale: AppLocale): Promise<AbstractIntlMessages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = Promise.all(
      NAMESPACES.map(async (namespace) => [namespace, (await import(`../../messages/${locale}/${namespace}.json`)).default as AbstractIntlMessages] as const),
    ).then((entries) => Object.fromEntries(entries));
    loaded.set(locale, messages);
  }
  return messages;
}
