import { getLocale, getTranslations } from "next-intl/server";
import type { DomainError } from "@/lib/errors";
import type { FieldCodes } from "@/lib/http/error-codes";
import { localizeFields, type ErrorTranslator } from "@/lib/http/localize-error";

/** A DomainError's field messages in the reader's language, for server pages that show them inline (see lib/http/localize-error.ts). */
export async function localizedFieldErrors(err: DomainError): Promise<Record<string, string>> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("ui.apiErrors")]);
  return localizeFields(err.fields, err.extra.fieldCodes as FieldCodes | undefined, locale, t as unknown as ErrorTranslator);
}
