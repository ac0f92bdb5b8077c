"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import type { ApiError } from "./api";
import type { FieldCode } from "@/lib/http/error-codes";
import { localizeError, localizeFields, type ErrorTranslator } from "@/lib/http/localize-error";

/** The API's errors in the reader's language, for client components (see lib/http/localize-error.ts). */
export function useApiErrors(): (error: ApiError) => ApiError {
  const t = useTranslations("ui.apiErrors") as unknown as ErrorTranslator;
  const locale = useLocale();
  return useCallback((error: ApiError) => localizeError(error, locale, t), [locale, t]);
}

/**
 * One line the server wrote with its code (a report row's reason, a skipped line's): said by its code in the
 * reader's language, in English as the server wrote it; without a code, as written.
 */
export function useCodedText(): (english: string, coded: Omit<FieldCode, "limit"> | null | undefined) => string {
  const t = useTranslations("ui.apiErrors") as unknown as ErrorTranslator;
  const locale = useLocale();
  return useCallback((english, coded) => (coded ? localizeFields({ line: english }, { line: coded }, locale, t).line : english), [locale, t]);
}
