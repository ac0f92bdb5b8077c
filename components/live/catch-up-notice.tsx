"use client";

import { useTranslations } from "next-intl";

/**
 * Said while a teammate's change has arrived but what it names couldn't be loaded yet (it is being retried).
 * It floats over the page's top edge rather than taking a line above the content: appearing and going, it must
 * not move the article text under a reader's selection.
 */
export function CatchUpNotice({ failing }: { failing: boolean }) {
  const t = useTranslations("live");
  return (
    <p role="status" aria-live="polite" className={
        failing
          ? "fixed top-3 left-1/2 z-40 w-max max-w-[calc(100vw-2rem)] -translate-x-1/2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 shadow-lg ring-1 ring-amber-200"
          : "sr-only"
      } data-testid="live-catch-up">
      {failing ? t("catchUp") : ""}
    </p>
  );
}
