import { expect, type BrowserContext, type Page } from "@playwright/test";
import { LOCALE_COOKIE, type AppLocale } from "@/lib/i18n/locales";
import { MISSING_CLOSE, MISSING_OPEN } from "@/lib/i18n/missing-message";

/**
 * Browser-test helpers for the UI languages (lib/i18n). A missing or broken message renders as
 * `⟦namespace.key⟧` in every build (lib/i18n/missing-message.ts), so "no untranslated key" is
 * "no marker in the page's text or in its labels".
 */

/** Show the app in `locale` for a signed-out browser: the language switcher's cookie. */
export async function setLocaleCookie(context: BrowserContext, baseUrl: string, locale: AppLocale): Promise<void> {
  await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseUrl }]);
}

/** The markers of missing messages on the page now (text, aria-label, title, placeholder, alt). */
export async function missingMessages(page: Page): Promise<string[]> {
  return page.evaluate(
    ([open, close]) => {
      const pattern = new RegExp(`${open}[^${close}]*${close}`, "g");
      const found = new Set<string>();
      for (const m of document.body.innerText.match(pattern) ?? []) found.add(m);
      for (const el of Array.from(document.querySelectorAll("[aria-label], [title], [placeholder], [alt]"))) {
        for (const attr of ["aria-label", "title", "placeholder", "alt"]) {
          for (const m of el.getAttribute(attr)?.match(pattern) ?? []) found.add(m);
        }
      }
      for (const m of document.title.match(pattern) ?? []) found.add(m);
      return [...found];
    },
    [MISSING_OPEN, MISSING_CLOSE],
  );
}

export async function expectNoMissingMessages(page: Page): Promise<void> {
  expect(await missingMessages(page), `untranslated keys on ${page.url()}`).toEqual([]);
}

/** English UI wording still on the page (text, labels, placeholders, the title): what a translated page must not show. */
export async function leftoverEnglish(page: Page, phrases: readonly string[]): Promise<string[]> {
  return page.evaluate((phrases) => {
    const texts = [document.body.innerText, document.title];
    for (const el of Array.from(document.querySelectorAll("[aria-label], [title], [placeholder], [alt], option, optgroup[label]"))) {
      for (const attr of ["aria-label", "title", "placeholder", "alt", "label"]) texts.push(el.getAttribute(attr) ?? "");
      if (el.tagName === "OPTION") texts.push(el.textContent ?? "");
    }
    const all = texts.join("\n");
    return phrases.filter((p) => all.includes(p));
  }, phrases);
}

export async function expectNoLeftoverEnglish(page: Page, phrases: readonly string[]): Promise<void> {
  expect(await leftoverEnglish(page, phrases), `English left on ${page.url()}`).toEqual([]);
}
