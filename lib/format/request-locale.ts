import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { formattingLocale } from "./dates";

/**
 * The locale server-rendered dates are formatted in: the UI language (next-intl's, i18n/request.ts),
 * refined by the browser's region when it speaks that language (en + "en-US" → en-US).
 */
export async function requestLocale(): Promise<string> {
  const [locale, headerList] = await Promise.all([getLocale(), headers()]);
  return formattingLocale(locale, headerList.get("accept-language"));
}
