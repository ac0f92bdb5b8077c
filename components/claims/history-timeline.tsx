"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ClaimEventView } from "@/lib/claims/claim-dto";
import type { Verdict } from "@/lib/claims/verdicts";
import { Time, useLocale } from "@/components/ui/locale";
import { useCursorPages } from "@/components/ui/use-cursor-pages";
import { describeEvent, type ClaimWords } from "./describe-event";

/**
 * The claim's history, newest first. Nobody can edit or remove these entries.
 * The claim carries its newest 50 events; older ones load a page at a time.
 * Keyed by the claim's version where it is used, so a change starts it afresh.
 */
export function HistoryTimeline({ slug, claimId, events, nextCursor, labels }: { slug: string; claimId: string; events: ClaimEventView[]; nextCursor: string | null; labels: Record<Verdict, string> }) {
  const locale = useLocale();
  const t = useTranslations("claims");
  const words = useTranslations() as unknown as ClaimWords;
  const history = useCursorPages(events, nextCursor, (cursor) => `/api/w/${slug}/claims/${claimId}/history?cursor=${encodeURIComponent(cursor)}`);

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" className="font-semibold">
        {t("history.heading")}
      </h2>
      <ol className="mt-3 space-y-3 border-l-2 border-stone-200 pl-4" aria-label={t("history.heading")}>
        {history.items.map((e) => {
          const note = typeof e.data.note === "string" && e.data.note ? e.data.note : null;
          return (
            <li key={e.id} className="relative text-sm">
              <span aria-hidden="true" className="absolute top-1.5 -left-[1.4rem] h-2.5 w-2.5 rounded-full bg-stone-300 ring-2 ring-stone-50" />
              <p>
                <strong className="font-medium">{e.actor?.name ?? t("history.someone")}</strong> {describeEvent(e, labels, locale, words)}
              </p>
              {note ? <p className="mt-0.5 text-stone-600">“{note}”</p> : null}
              <p className="text-xs text-stone-500">
                <Time value={e.createdAt} style="date-time" />
              </p>
            </li>
          );
        })}
      </ol>
      {history.error ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {history.error}
        </p>
      ) : null}
      {history.hasMore ? (
        <Button type="button" variant="secondary" className="mt-3" onClick={() => void history.loadMore()} disabled={history.loading} aria-busy={history.loading}>
          {history.loading ? t("history.loadingOlder") : t("history.showOlder")}
        </Button>
      ) : null}
    </section>
  );
}
