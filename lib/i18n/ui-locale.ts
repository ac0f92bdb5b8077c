import { getLocale } from "next-intl/server";
import { DEFAULT_LOCALE, isAppLocale, type AppLocale } from "./locales";

/** The page's UI language as one of ours (next-intl's getLocale is typed as any string). */
export async function uiLocale(): Promise<AppLocale> {
  const locale = await getLocale();
  return isAppLocale(locale) ? locale : DEFAULT_LOCALE;
}
