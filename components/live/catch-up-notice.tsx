"use client";

import { useTranslations } from "next-intl";

/** Said while a teammate's change has arrived but what it names couldn't be loaded yet (it is being retried). */
export function CatchUpNotice({ failing }: { failing: boolean }) {
  const t = useTranslations("live");
  return (
    <p role="status" aria-live="polite" className={failing ? "text-sm text-amber-800" : "sr-only"} data-testid="live-catch-up">
      {failing ? t("catchUp") : ""}
    </p>
  );
}
