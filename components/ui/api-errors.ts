"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import type { ApiError } from "./api";
import { localizeError, type ErrorTranslator } from "@/lib/http/localize-error";

/** The API's errors in the reader's language, for client components (see lib/http/localize-error.ts). */
export function useApiErrors(): (error: ApiError) => ApiError {
  const t = useTranslations("ui.apiErrors") as unknown as ErrorTranslator;
  const locale = useLocale();
  return useCallback((error: ApiError) => localizeError(error, locale, t), [locale, t]);
}
