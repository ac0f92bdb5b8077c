import { IntlErrorCode, type IntlError } from "next-intl";

/**
 * What a message that can't be shown looks like: `⟦namespace.key⟧`. The same in development,
 * tests and production, so the browser tests (which run the production build) can assert that
 * no page shows one, and a person who meets one can name the missing key in a bug report.
 * The key-parity test (messages.test.ts) keeps ru/uk from missing what en has, so in practice a
 * marker means the code asks for a key en doesn't have.
 */
export const MISSING_OPEN = "⟦";
export const MISSING_CLOSE = "⟧";

export function missingMessageMarker({ namespace, key }: { namespace?: string; key: string }): string {
  return `${MISSING_OPEN}${namespace ? `${namespace}.` : ""}${key}${MISSING_CLOSE}`;
}

/** next-intl's getMessageFallback: the marker for every kind of failure (missing, unparsable, a value not supplied). */
export function getMessageFallback({ namespace, key }: { error: IntlError; namespace?: string; key: string }): string {
  return missingMessageMarker({ namespace, key });
}

/**
 * next-intl's onError: logged (server log, browser console) with its code, never thrown, so one
 * missing key can't take a page down. ENVIRONMENT_FALLBACK (no time zone) can't happen: both
 * providers set timeZone.
 */
export function onIntlError(error: IntlError): void {
  if (error.code === IntlErrorCode.MISSING_MESSAGE) console.error(`[i18n] missing message: ${error.originalMessage ?? error.message}`);
  else console.error(`[i18n] ${error.code}: ${error.originalMessage ?? error.message}`);
}
