import type { AbstractIntlMessages } from "next-intl";
import type { AppLocale } from "./locales";

/**
 * A locale's messages for client components, loaded by the client code itself rather than handed
 * down from the server layout as a prop: as a prop, the whole catalogue (~80 KB) was serialised
 * into every page's RSC payload, parsed again for the server render and written into the HTML,
 * on every request and every client-side navigation (a third of a claim page's server CPU at 100k,
 * bench/results/pages-100k-2026-12-02-listcpu.md). As a chunk, the browser fetches it once per
 * locale and caches it. The promise is kept per locale, so React's `use` finds it settled after
 * the first render; the messages are derived from the build and never change, so sharing them
 * between requests is safe.
 */
const LOADERS: Record<AppLocale, () => Promise<{ default: AbstractIntlMessages }>> = {
  en: () => import("./bundles/en"),
  ru: () => import("./bundles/ru"),
  uk: () => import("./bundles/uk"),
};

const loaded = new Map<AppLocale, Promise<AbstractIntlMessages>>();

export function clientMessages(locale: AppLocale): Promise<AbstractIntlMessages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = LOADERS[locale]().then((m) => m.default);
    loaded.set(locale, messages);
  }
  return messages;
}
