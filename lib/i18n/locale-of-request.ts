import { db } from "@/lib/db/client";
import { LOCALE_COOKIE, type AppLocale } from "./locales";
import { resolveLocale } from "./resolve-locale";

/**
 * The UI language of whoever sent `req` (resolve-locale.ts has the order), read from the request
 * itself: for route handlers that answer in the asker's language, such as an export's verdict labels.
 */
export async function localeOfRequest(req: Request, userId: string | null, savedLocale?: AppLocale | null): Promise<AppLocale> {
  // A caller whose session lookup already read the saved choice passes it (null: none), sparing this read.
  const userLocale = savedLocale !== undefined ? savedLocale : userId ? (await db.user.findUnique({ where: { id: userId }, select: { locale: true } }))?.locale : null;
  return resolveLocale({ userLocale, cookie: cookieValue(req.headers.get("cookie"), LOCALE_COOKIE), acceptLanguage: req.headers.get("accept-language") });
}

function cookieValue(header: string | null, name: string): string | null {
  for (const part of header?.split(";") ?? []) {
    const at = part.indexOf("=");
    // Our own cookie holds a bare locale code; anything else resolves to no choice.
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}
