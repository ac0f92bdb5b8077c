"use client";

import { useLocale } from "next-intl";
import { contentLang } from "@/lib/i18n/content-lang";

/** `lang` for a text that may not be in the UI's language: `<p lang={langOf(statement)}>` (lib/i18n/content-lang.ts). */
export function useContentLang(): (text: string, known?: string | null) => string | undefined {
  const locale = useLocale();
  return (text, known) => contentLang(text, locale, known);
}
