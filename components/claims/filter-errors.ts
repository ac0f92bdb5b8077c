import { getLocale, getTranslations } from "next-intl/server";
import { localizedFieldErrors } from "@/components/ui/api-errors-server";
import { CLAIM_FILTER_LABELS, namedFilterErrors } from "@/lib/claims/schemas";
import type { DomainError } from "@/lib/errors";

/**
 * The claims list's refused filters, each with its filter's name in front, in the reader's language.
 * In English the server's own sentences are kept (they name the values allowed); in another language
 * each message comes from its code (lib/http/localize-error.ts), and the page cursor's from its own key.
 */
export async function claimFilterErrors(err: DomainError): Promise<Record<string, string>> {
  if ((await getLocale()) === "en") return namedFilterErrors(err.fields);
  const [messages, t] = await Promise.all([localizedFieldErrors(err), getTranslations("claims.list")]);
  return Object.fromEntries(
    Object.entries(messages).map(([key, message]) => {
      const param = key.split(".")[0];
      // Only the list's own filters have a name to look up (a parameter called `constructor` is named as written).
      const filter = Object.hasOwn(CLAIM_FILTER_LABELS, param) && t.has(`filterParams.${param}` as never) ? t(`filterParams.${param}` as never) : param;
      return [key, t("filterError", { filter, message: param === "cursor" ? t("badCursor") : message })];
    }),
  );
}
