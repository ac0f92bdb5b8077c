"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { writeLocaleCookie } from "@/lib/i18n/locale-cookie";
import { LOCALES, LOCALE_NAMES, isAppLocale, type AppLocale } from "@/lib/i18n/locales";

const BROWSER = "browser";

/** Settings → Language: English, Русский, Українська or the browser's language. The page re-renders in it at once. */
export function LanguageForm({ initial }: { initial: AppLocale | null }) {
  const t = useTranslations("settings.language");
  const localize = useApiErrors();
  const router = useRouter();
  const [choice, setChoice] = useState<string>(initial ?? BROWSER);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setDone(false);
    const locale = isAppLocale(choice) ? choice : null;
    const res = await apiSend<{ locale: AppLocale | null }>("PUT", "/api/account/locale", { locale });
    setPending(false);
    if (!res.ok) {
      const problem = localize(res.error);
      setError(problem.fields.locale ?? problem.message);
      return;
    }
    writeLocaleCookie(res.data.locale);
    setDone(true);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      {done ? <Alert tone="success">{t("saved")}</Alert> : null}
      <fieldset className="space-y-2">
        <legend className="sr-only">{t("legend")}</legend>
        {[...LOCALES, BROWSER].map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="locale"
              value={value}
              checked={choice === value}
              onChange={() => {
                setChoice(value);
                setDone(false);
              }}
             
            />
            {/* Each language named in itself, so a person can find theirs whatever the page's language. */}
            {isAppLocale(value) ? <span lang={value}>{LOCALE_NAMES[value]}</span> : t("browserDefault")}
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
