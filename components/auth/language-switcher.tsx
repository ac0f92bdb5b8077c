"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { writeLocaleCookie } from "@/lib/i18n/locale-cookie";
import { LOCALES, LOCALE_NAMES, isAppLocale } from "@/lib/i18n/locales";

/** For signed-out visitors (header): the language of these pages, kept in a cookie; signed in, Settings → Language decides. */
export function LanguageSwitcher() {
  const t = useTranslations("layout");
  const locale = useLocale();
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm text-stone-600">
      <span>{t("language")}</span>
      <select
        value={locale}
        onChange={(e) => {
          if (!isAppLocale(e.target.value)) return;
          writeLocaleCookie(e.target.value);
          router.refresh();
        }}
        className="rounded border border-stone-300 bg-white px-2 py-1 text-stone-900"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
