import { cookies, headers } from "next/headers";
import { currentUser } from "@/lib/auth/session";
import { LOCALE_COOKIE, type AppLocale } from "./locales";
import { resolveLocale } from "./resolve-locale";

/**
 * The language of the request being rendered (resolve-locale.ts has the order). The saved choice
 * comes with the session lookup every signed-in page makes anyway (lib/auth/sessions.ts), so it
 * costs no query, and a changed choice shows on the next page load. Pages get it from next-intl
 * (`getLocale()`); this is for i18n/request.ts and for code outside next-intl's reach (route handlers).
 */
export async function activeLocale(): Promise<AppLocale> {
  const [user, cookieStore, headerList] = await Promise.all([currentUser(), cookies(), headers()]);
  return resolveLocale({
    userLocale: user?.locale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
}
