import { rankAcceptLanguage } from "./accept-language";
import { DEFAULT_LOCALE, isAppLocale, type AppLocale } from "./locales";

/**
 * Which language a request is shown in (the order of docs: README "Languages"):
 * 1. the signed-in person's saved choice (User.locale; null = follow the browser),
 * 2. the `claimtrail-locale` cookie (set by the switcher on signed-out pages),
 * 3. the best match of the browser's Accept-Language among our locales,
 * 4. English.
 * Pure, so the order is unit-tested without a request (resolve-locale.test.ts).
 */
export function resolveLocale(input: { userLocale?: string | null; cookie?: string | null; acceptLanguage?: string | null }): AppLocale {
  if (isAppLocale(input.userLocale)) return input.userLocale;
  if (isAppLocale(input.cookie)) return input.cookie;
  return matchAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE;
}

/**
 * The most preferred of our locales in an Accept-Language header, by q then order, matching on
 * the primary language subtag ("uk-UA" → uk, "ru" → ru); null when it names none of them
 * ("be" is not Russian: no language is guessed from a neighbour).
 */
export function matchAcceptLanguage(header: string | null | undefined): AppLocale | null {
  for (const tag of rankAcceptLanguage(header)) {
    const language = tag.split("-")[0].toLowerCase();
    if (isAppLocale(language)) return language;
  }
  return null;
}
