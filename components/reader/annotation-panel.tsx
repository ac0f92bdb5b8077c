"use client";

import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import type { AnnotationView } from "@/lib/annotations/annotation-dto";
import { useContentLang } from "@/components/ui/content-lang";
import { EntryList, type RowProps } from "./entry-list";
import { useReaderWords } from "./use-reader-words";

interface Props {
  annotations: AnnotationView[];
  selectedId: string | null;
  currentUserId: string;
  canAnnotate: boolean;
  canDeleteAny: boolean;
  canRestore: boolean;
  onOpen(id: string): void;
  onDelete(id: string): void;
  onRestore(id: string): void;
  /** Opens "Mark as claim" for a plain highlight: a new claim, or a mention of an existing one. */
  onMakeClaim(id: string): void;
  scrollParent: RefObject<HTMLElement | null>;
  reveal: { key: string; seq: number } | null;
  /** The highlight in words ("Claim · False · Approved"): the text behind its colour. */
  describe(a: AnnotationView): string;
  /** PDFs: where each page starts, for "p. 4" on each entry. */
  pageStarts?: number[];
  /** The article's text, for what a fuzzy highlight's words read now. */
  text?: string;
}

function Entry({ a, selected, onOpen, actions, style, measure, index, describe, pageStarts, text }: { a: AnnotationView; selected: boolean; onOpen?: () => void; actions?: React.ReactNode; describe?: (a: AnnotationView) => string; pageStarts?: number[]; text?: string } & RowProps) {
  const t = useTranslations("reader.panel");
  const langOf = useContentLang();
  const words = useReaderWords();
  const label = a.status === "exact" ? null : t(`status.${a.status}`);
  // An imported orphan may never have been placed: the edit-only wording would mislead.
  const help = a.status === "orphaned" && a.importedFrom ? t("statusHelp.importedOrphan") : t(`statusHelp.${a.status}`);
  const page = a.start != null && a.end != null && a.status !== "orphaned" ? words.page(pageStarts, a.start, a.end) : null;
  const credit = words.credit(a);
  // A fuzzy highlight marks words an edit changed: the entry says what they read now, beside the words highlighted
  // (fourth tester, session 40, UI2: the list showed only the old words).
  const now = a.status === "fuzzy" && text && a.start != null && a.end != null ? text.slice(a.start, a.end) : null;
  return (
    <li id={`ann-${a.id}`} ref={measure} data-index={index} style={style} className={`rounded-lg ring-1 ${selected ? "bg-brand-50 ring-brand-600" : "bg-white ring-stone-200"}`}>
      <button type="button" onClick={onOpen} disabled={!onOpen} aria-current={selected ? "true" : undefined} className="block w-full px-3 pt-2.5 pb-1 text-left disabled:cursor-default">
        <span className="line-clamp-3 border-l-2 border-amber-400 pl-2 font-serif text-[0.95rem] leading-snug text-stone-900" lang={langOf(a.exact)}>
          {a.exact}
        </span>
      </button>
      {now !== null && now !== a.exact ? (
        <p className="line-clamp-2 px-3 pb-1 text-xs text-amber-900" lang={langOf(now)}>
          {t("nowReads", { words: now })}
        </p>
      ) : null}
      {a.note ? <p className="px-3 pb-1 text-sm whitespace-pre-wrap text-stone-700">{a.note}</p> : null}
      {a.claim && describe ? <p className="px-3 pb-1 text-xs font-medium text-stone-700">{describe(a)}</p> : null}
      <div className="flex items-center gap-2 px-3 pb-2 text-xs text-stone-500">
        <span className="min-w-0 truncate" title={credit}>
          {credit}
        </span>
        {page ? (
          <span className="shrink-0 whitespace-nowrap" title={t("pageTitle")}>
            {page}
          </span>
        ) : null}
        {label ? (
          <span title={help} className={`shrink-0 rounded px-1.5 py-0.5 font-medium whitespace-nowrap ${a.status === "orphaned" ? "bg-red-50 text-red-700" : "bg-amber-50 text-amber-800"}`}>
            {label}
          </span>
        ) : null}
        <span className="ml-auto flex shrink-0 gap-1 whitespace-nowrap">{actions}</span>
      </div>
    </li>
  );
}

const keyOf = (a: AnnotationView) => a.id;

/** The article's highlights in document order, then orphans, then (for admins) deleted ones. */
export function AnnotationPanel({ annotations, selectedId, currentUserId, canAnnotate, canDeleteAny, canRestore, onOpen, onDelete, onRestore, onMakeClaim, scrollParent, reveal, describe, pageStarts, text }: Props) {
  const t = useTranslations("reader.panel");
  const live = annotations.filter((a) => !a.deletedAt);
  const anchored = live.filter((a) => a.status !== "orphaned");
  const orphaned = live.filter((a) => a.status === "orphaned");
  const deleted = annotations.filter((a) => a.deletedAt);
  const makeClaimButton = (a: AnnotationView) =>
    canAnnotate && !a.claim ? (
      <button type="button" onClick={() => onMakeClaim(a.id)} className="rounded px-1.5 py-0.5 text-brand-700 hover:bg-brand-50" title={t("makeClaimTitle")}>
        {t("makeClaim")}
      </button>
    ) : null;
  const deleteButton = (a: AnnotationView) =>
    (canAnnotate && a.createdBy?.id === currentUserId) || canDeleteAny ? (
      <button type="button" onClick={() => onDelete(a.id)} className="rounded px-1.5 py-0.5 text-stone-500 hover:bg-red-50 hover:text-red-700" aria-label={t("deleteLabel", { exact: a.exact.slice(0, 40) })}>
        {t("delete")}
      </button>
    ) : null;

  const actions = (a: AnnotationView) => (
    <>
      {makeClaimButton(a)}
      {deleteButton(a)}
    </>
  );

  return (
    <aside aria-label={t("heading")} className="space-y-6">
      <section aria-labelledby="hl-heading">
        <h2 id="hl-heading" className="text-sm font-semibold text-stone-800">
          {t("heading")} <span className="font-normal text-stone-500">({anchored.length})</span>
        </h2>
        {anchored.length === 0 ? (
          <p className="mt-2 rounded-lg border border-dashed border-stone-300 p-3 text-sm text-stone-600">
            {canAnnotate ? t("emptyCanAnnotate") : t("empty")}
          </p>
        ) : (
          <EntryList
            className="mt-2"
            items={anchored}
            keyOf={keyOf}
            scrollParent={scrollParent}
            reveal={reveal}
            render={(a, row) => <Entry key={a.id} a={a} {...row} describe={describe} pageStarts={pageStarts} text={text} selected={a.id === selectedId} onOpen={() => onOpen(a.id)} actions={actions(a)} />}
          />
        )}
      </section>
      {orphaned.length ? (
        <section aria-labelledby="orphan-heading">
          <h2 id="orphan-heading" className="text-sm font-semibold text-stone-800">
            {t("orphaned")} <span className="font-normal text-stone-500">({orphaned.length})</span>
          </h2>
          <p className="mt-1 text-xs text-stone-500">{t("orphanedHint")}</p>
          <EntryList
            className="mt-2"
            items={orphaned}
            keyOf={keyOf}
            scrollParent={scrollParent}
            reveal={reveal}
            render={(a, row) => <Entry key={a.id} a={a} {...row} describe={describe} selected={a.id === selectedId} actions={actions(a)} />}
          />
        </section>
      ) : null}
      {canRestore && deleted.length ? (
        <section aria-labelledby="deleted-heading">
          <h2 id="deleted-heading" className="text-sm font-semibold text-stone-800">
            {t("deleted")} <span className="font-normal text-stone-500">({deleted.length})</span>
          </h2>
          <EntryList
            className="mt-2"
            items={deleted}
            keyOf={keyOf}
            scrollParent={scrollParent}
            render={(a, row) => (
              <Entry
                key={a.id}
                a={a}
                {...row}
                selected={false}
                actions={
                  <button type="button" onClick={() => onRestore(a.id)} className="rounded px-1.5 py-0.5 text-stone-700 hover:bg-stone-100" aria-label={t("restoreLabel", { exact: a.exact.slice(0, 40) })}>
                    {t("restore")}
                  </button>
                }
              />
            )}
          />
        </section>
      ) : null}
    </aside>
  );
}
