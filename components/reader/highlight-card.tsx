"use client";

import { useTranslations } from "next-intl";
import type { AnnotationView } from "@/lib/annotations/annotation-dto";
import { SideCard } from "./side-card";
import { useReaderWords } from "./use-reader-words";

/**
 * A plain highlight (not a claim) selected in the reader, in the side panel:
 * what it says, and the way to make it a claim later, new or existing.
 */
export function HighlightCard({ annotation: a, canAnnotate, notice, onClaim, onClose, pageStarts }: { annotation: AnnotationView; canAnnotate: boolean; notice?: string | null; onClaim(focus: "statement" | "search"): void; onClose(): void; pageStarts?: number[] }) {
  const t = useTranslations("reader.highlightCard");
  const words = useReaderWords();
  const page = a.start != null && a.end != null ? words.page(pageStarts, a.start, a.end) : null;
  const button = "rounded-md px-2.5 py-1.5 text-sm font-medium ring-1 ring-stone-300 hover:bg-stone-50";
  return (
    <SideCard title={t("title")} closeLabel={t("close")} notice={notice} onClose={onClose}>
      <blockquote className="mt-2 line-clamp-4 border-l-2 border-amber-400 pl-2 font-serif text-[0.95rem] leading-snug text-stone-900">{a.exact}</blockquote>
      {a.note ? <p className="mt-2 text-sm whitespace-pre-wrap text-stone-700">{a.note}</p> : null}
      {a.tags.length > 0 ? (
        <ul className="mt-2 flex flex-wrap gap-1" aria-label={t("tags")}>
          {a.tags.map((t) => (
            <li key={t} className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700">
              {t}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-2 text-xs text-stone-500">
        {t("notAClaim", { credit: words.credit(a) })}
        {page ? ` · ${page}` : ""}
      </p>
      {canAnnotate ? (
        <div className="mt-3 flex flex-wrap gap-2">
          <button type="button" onClick={() => onClaim("statement")} className={button}>
            {t("makeClaim")}
          </button>
          <button type="button" onClick={() => onClaim("search")} className={button}>
            {t("attach")}
          </button>
        </div>
      ) : null}
    </SideCard>
  );
}
