"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useTranslations } from "next-intl";
import { IDS_PER_REQUEST, type AnnotationView } from "@/lib/annotations/annotation-dto";
import { trimSpan } from "@/lib/annotations/span";
import type { DocNode } from "@/lib/articles/document";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Alert } from "@/components/ui/alert";
import { AnnotationPanel } from "./annotation-panel";
import { HighlightsSheet } from "./highlights-sheet";
import { ArticleText, type TextSelection } from "./article-text";
import { OverlapPicker } from "./overlap-picker";
import { SelectionToolbar } from "./selection-toolbar";
import { ClaimComposer } from "./claim-composer";
import { ClaimCard } from "./claim-card";
import { HighlightCard } from "./highlight-card";
import { HighlightLegend } from "@/components/claims/highlight-legend";
import { isReviewState } from "@/components/claims/message-key";
import type { Verdict } from "@/lib/claims/verdicts";
import { useLiveAnnotations } from "./use-live-annotations";
import { PresenceNames } from "@/components/live/presence-names";
import { CatchUpNotice } from "@/components/live/catch-up-notice";
import { usePresence } from "@/components/live/use-presence";
import { UndoNotice, type UndoState } from "./undo-notice";

/** A 409 that names the live highlight already on these words (lib/annotations/live-twin.ts). */
function existingHighlightId(error: { status: number; body: Record<string, unknown> }): string | null {
  return error.status === 409 && typeof error.body.existingAnnotationId === "string" ? error.body.existingAnnotationId : null;
}

export interface ReaderProps {
  slug: string;
  articleId: string;
  doc: DocNode;
  text: string;
  /** The text's language where it differs from the UI's (lib/i18n/content-lang.ts). */
  lang?: string;
  revision: number;
  /** The workspace's change-feed seq when the page was rendered: live updates start after it. */
  liveSeq: number;
  annotations: AnnotationView[];
  currentUserId: string;
  canAnnotate: boolean;
  canDeleteAny: boolean;
  canRestore: boolean;
  verdictLabels: Record<Verdict, string>;
  /** Words to open "Mark as claim" on at once (selected where the article was found, ?quote=). */
  quoteSpan?: { start: number; end: number } | null;
  /** PDFs: where each page starts in `text` ("p. 4" on highlights). */
  pageStarts?: number[];
}

export function Reader(props: ReaderProps) {
  const { slug, articleId, revision, canAnnotate } = props;
  const t = useTranslations("reader");
  const localize = useApiErrors();
  const common = useTranslations("common");
  const apiBase = `/api/w/${slug}/articles/${articleId}/annotations`;
  const wrapper = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [reveal, setReveal] = useState<{ key: string; seq: number } | null>(null);
  const [annotations, setAnnotations] = useState(props.annotations);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [flashId, setFlashId] = useState<string | null>(null);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [picker, setPicker] = useState<{ ids: string[]; at: { top: number; left: number } } | null>(null);
  const [busy, setBusy] = useState(false);
  const [composing, setComposing] = useState<{ start: number; end: number; text: string; annotationId?: string; focus?: "statement" | "search" } | null>(null);
  /** Said on the selected highlight's card when marking its exact words again reused it instead of adding a copy. */
  const [reused, setReused] = useState<{ id: string; text: string } | null>(null);
  const labels = props.verdictLabels;
  const describe = useCallback(
    (a: AnnotationView) => {
      if (!a.claim) return a.note ? t("describe.highlightNote", { note: a.note.slice(0, 80) }) : t("describe.highlight");
      const verdict = a.claim.verdict ? (labels[a.claim.verdict as Verdict] ?? a.claim.verdict) : t("describe.noVerdict");
      const state = isReviewState(a.claim.reviewState) ? common(`reviewStates.${a.claim.reviewState}`) : a.claim.reviewState;
      return t("describe.claim", { verdict, state });
    },
    [labels, t, common],
  );
  const [error, setError] = useState<string | null>(null);
  const [clearSelection, setClearSelection] = useState(0);
  /** The last delete, with its Undo. */
  const [undo, setUndo] = useState<UndoState | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  /** Fetches the highlights again; `now` draws them before returning, for a caller that goes on to scroll to one. */
  const reload = useCallback(
    async (now = false) => {
      const res = await fetch(apiBase, { cache: "no-store" });
      if (!res.ok) return;
      const data = (await res.json()) as { annotations: AnnotationView[] };
      const apply = () => setAnnotations(data.annotations);
      if (now) flushSync(apply);
      else apply();
    },
    [apiBase],
  );

  const fetchIds = useCallback(
    async (ids: string[]) => {
      // In batches the route accepts: one request for 250 ids would be refused, and retried forever.
      const batches = Array.from({ length: Math.ceil(ids.length / IDS_PER_REQUEST) }, (_, i) => ids.slice(i * IDS_PER_REQUEST, (i + 1) * IDS_PER_REQUEST));
      const fetched = await Promise.all(
        batches.map(async (batch) => {
          const res = await fetch(`${apiBase}?${new URLSearchParams({ ids: batch.join(",") })}`, { cache: "no-store" });
          return res.ok ? ((await res.json()) as { annotations: AnnotationView[] }).annotations : null;
        }),
      );
      return fetched.some((f) => f === null) ? null : fetched.flatMap((f) => f!);
    },
    [apiBase],
  );
  /** Puts fetched highlights in place; asked-for ids that didn't come back are gone (deleted, for those who can't restore). */
  const merge = useCallback((ids: string[], fresh: AnnotationView[]) => {
    setAnnotations((current) => {
      const byId = new Map(fresh.map((a) => [a.id, a]));
      const asked = new Set(ids);
      const kept = current.filter((a) => !asked.has(a.id) || byId.has(a.id)).map((a) => byId.get(a.id) ?? a);
      const known = new Set(current.map((a) => a.id));
      const added = fresh.filter((a) => !known.has(a.id));
      return [...kept, ...added];
    });
  }, []);
  const live = useLiveAnnotations({ slug, articleId, after: props.liveSeq, annotations, fetchIds, merge });
  const viewers = usePresence(slug, "article", articleId);

  const flash = useCallback((id: string) => {
    setFlashId(id);
    window.setTimeout(() => setFlashId((current) => (current === id ? null : current)), 1600);
  }, []);

  const open = useCallback(
    (id: string) => {
      setSelectedId(id);
      setPicker(null);
      document.querySelector(`.ct-hl[data-ids~="${CSS.escape(id)}"]`)?.scrollIntoView({ behavior: "smooth", block: "center" });
      flash(id);
    },
    [flash],
  );

  // Links from other articles point at a highlight with #highlight-<id>.
  useEffect(() => {
    const id = /^#highlight-(.+)$/.exec(window.location.hash)?.[1];
    if (id) window.setTimeout(() => open(id), 300);
  }, [open]);

  const selectFromText = useCallback((id: string) => {
    setSelectedId(id);
    setPicker(null);
    setReveal((r) => ({ key: id, seq: (r?.seq ?? 0) + 1 }));
  }, []);

  /** The live highlight covering exactly these words, if there is one: marking them again reuses it. */
  // Compared as the server compares (lib/annotations/span.ts): a selection's edge whitespace is not part of it. Compared
  // untrimmed, a drag that took a space beside an old mention missed it here, the server's duplicate check found it,
  // and the reader said someone had marked it "a moment ago" (X36b).
  const identical = useCallback(
    (span: { start: number; end: number }) => {
      const trimmed = trimSpan(props.text, span.start, span.end) ?? span;
      return annotations.find((a) => !a.deletedAt && a.start === trimmed.start && a.end === trimmed.end) ?? null;
    },
    [annotations, props.text],
  );
  /** The notice for words the server says are already a mention: "a moment ago" only when this page didn't already show them as one. */
  const markedNotice = useCallback(
    (annotationId: string, meanwhile: string | null) => (meanwhile === null || annotations.some((a) => a.id === annotationId && !a.deletedAt && a.claim) ? t("notice.alreadyMention") : meanwhile),
    [annotations, t],
  );

  /** Marking words that are already highlighted: select that highlight and say so, instead of adding a copy. */
  const reuse = useCallback(
    (existingId: string, text: string | null) => {
      setClearSelection((n) => n + 1);
      setSelection(null);
      setReused(text ? { id: existingId, text } : null);
      open(existingId);
      setReveal((r) => ({ key: existingId, seq: (r?.seq ?? 0) + 1 }));
    },
    [open],
  );

  /** Shows a highlight the server named (one a teammate made a moment ago, or one restored) once the reload has drawn it. */
  const showAfterReload = useCallback(
    async (id: string, notice: string | null, focusEntry = false) => {
      await reload(true);
      reuse(id, notice);
      if (focusEntry) window.requestAnimationFrame(() => document.querySelector<HTMLElement>(`#ann-${CSS.escape(id)} button`)?.focus());
    },
    [reload, reuse],
  );

  /** "Mark as claim" for a span, or for an existing plain highlight (which is then reused). */
  const openComposer = useCallback(
    (span: { start: number; end: number } | null = selection, focus: "statement" | "search" = "statement") => {
      if (!span || !canAnnotate) return;
      const existing = identical(span);
      if (existing?.claim) return reuse(existing.id, t("notice.alreadyMention"));
      setReused(null);
      setComposing({ start: span.start, end: span.end, text: props.text.slice(span.start, span.end), annotationId: existing?.id, focus });
    },
    [selection, canAnnotate, props.text, identical, reuse, t],
  );

  const quoteOpened = useRef(false);
  useEffect(() => {
    if (!props.quoteSpan || quoteOpened.current) return;
    quoteOpened.current = true;
    openComposer(props.quoteSpan);
    // Done once: a reload shouldn't open it again.
    const url = new URL(window.location.href);
    url.searchParams.delete("quote");
    window.history.replaceState(window.history.state, "", url);
  }, [props.quoteSpan, openComposer]);

  /** Opens "Mark as claim" for a plain highlight already made. */
  const claimHighlight = useCallback(
    (id: string, focus: "statement" | "search") => {
      const a = annotations.find((x) => x.id === id);
      if (!a || a.claim || !canAnnotate) return;
      setReused(null);
      setComposing({ start: a.start ?? 0, end: a.end ?? 0, text: a.exact, annotationId: a.id, focus });
    },
    [annotations, canAnnotate],
  );

  const mark = useCallback(
    async (note?: string, span: { start: number; end: number } | null = selection) => {
      if (!span || busy || !canAnnotate) return;
      const existing = identical(span);
      if (existing) return reuse(existing.id, existing.claim ? t("notice.alreadyHighlightedClaim") : t("notice.alreadyHighlighted"));
      setBusy(true);
      setError(null);
      setReused(null);
      const res = await apiSend<AnnotationView>("POST", apiBase, { start: span.start, end: span.end, revision, note: note?.trim() || undefined });
      setBusy(false);
      if (!res.ok) {
        // A teammate highlighted these very words since the last poll: the server names theirs, which is shown instead.
        const existingId = existingHighlightId(res.error);
        if (existingId) {
          setClearSelection((n) => n + 1);
          setSelection(null);
          return void showAfterReload(existingId, t("notice.highlightedMeanwhile"));
        }
        setError(localize(res.error).message);
        return;
      }
      setClearSelection((n) => n + 1);
      setSelection(null);
      setAnnotations((list) => [...list.filter((a) => a.id !== res.data.id), res.data]);
      setSelectedId(res.data.id);
      flash(res.data.id);
      void reload();
    },
    [selection, busy, canAnnotate, apiBase, revision, flash, reload, identical, reuse, showAfterReload, t, localize],
  );

  async function remove(id: string) {
    const gone = annotations.find((a) => a.id === id);
    const res = await apiSend("DELETE", `${apiBase}/${id}`);
    if (!res.ok) {
      setError(localize(res.error).message);
      return void reload();
    }
    if (selectedId === id) setSelectedId(null);
    setUndo({ id, exact: gone?.exact ?? "", phase: "deleted" });
    await reload();
    // The Delete button that had focus is gone with its entry: focus goes to the way back.
    window.requestAnimationFrame(() => undoButton.current?.focus());
  }

  /** Restores a deleted highlight: the Undo after a delete, or an admin's Restore in the Deleted list. */
  async function restore(id: string, viaUndo = false) {
    // The notice follows its highlight however it is restored (Undo, or an admin's Restore below).
    const tracked = undo?.id === id ? undo : null;
    if (tracked) setUndo({ ...tracked, phase: "restoring" });
    const res = await apiSend<AnnotationView>("POST", `${apiBase}/${id}/restore`);
    if (res.ok) {
      if (tracked) setUndo({ ...tracked, phase: "restored" });
      return showAfterReload(id, null, viaUndo);
    }
    const existingId = existingHighlightId(res.error);
    const message = existingId ? t("notice.restoreTwin") : localize(res.error).message;
    if (tracked) setUndo({ ...tracked, phase: "failed", message });
    else setError(message);
    if (existingId) await showAfterReload(existingId, null);
    else await reload();
  }

  const selectedAnnotation = annotations.find((a) => a.id === selectedId && !a.deletedAt) ?? null;
  const selectedClaimId = selectedAnnotation?.claim?.id ?? null;
  const reusedText = reused && reused.id === selectedId ? reused.text : null;
  const sorted = [...annotations].sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || (b.end ?? 0) - (a.end ?? 0));

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div ref={wrapper} className="relative">
        <PresenceNames viewers={viewers} />
        <CatchUpNotice failing={live.failing} />
        <HighlightLegend labels={labels} />
        {error ? (
          <div className="mb-4">
            <Alert>{error}</Alert>
          </div>
        ) : null}
        <ArticleText
          doc={props.doc}
          text={props.text}
          lang={props.lang}
          annotations={annotations}
          selectedId={selectedId}
          flashId={flashId}
          wrapper={wrapper}
          clearSelection={clearSelection}
          onSelect={(s) => {
            setSelection(s);
            if (s) setPicker(null);
          }}
          onHighlightClick={(ids, at) => (ids.length === 1 ? selectFromText(ids[0]) : setPicker({ ids, at }))}
          describe={describe}
          onShortcut={(key, live) => {
            if (key === "escape") {
              setSelection(null);
              setPicker(null);
              return false;
            }
            // `live` is the selection as the key went down; React's `selection` may not have caught up yet.
            if (!live || !canAnnotate || composing) return false;
            if (key === "mark") openComposer(live);
            else void mark(undefined, live);
            return true;
          }}
        />
        {selection && canAnnotate && !composing ? (
          <SelectionToolbar key={`${selection.start}-${selection.end}`} anchor={selection.anchor} busy={busy} onClaim={() => openComposer()} onHighlight={(note) => void mark(note)} />
        ) : null}
        {composing ? (
          <ClaimComposer
            slug={slug}
            articleId={articleId}
            revision={revision}
            liveSeq={props.liveSeq}
            selection={composing}
            focus={composing.focus}
            labels={labels}
            onCancel={() => setComposing(null)}
            onExisting={(annotationId, notice) => {
              setComposing(null);
              setClearSelection((n) => n + 1);
              setSelection(null);
              void showAfterReload(annotationId, markedNotice(annotationId, notice));
            }}
            onDone={(annotationId) => {
              setComposing(null);
              setSelection(null);
              setClearSelection((n) => n + 1);
              setSelectedId(annotationId);
              flash(annotationId);
              void reload();
            }}
          />
        ) : null}
        {picker ? (
          <OverlapPicker
            at={picker.at}
            annotations={picker.ids.map((id) => annotations.find((a) => a.id === id)).filter((a): a is AnnotationView => !!a)}
            onPick={selectFromText}
            onClose={() => setPicker(null)}
          />
        ) : null}
      </div>
      <HighlightsSheet count={annotations.filter((a) => !a.deletedAt && a.status !== "orphaned").length} openOn={reveal} closeOn={flashId ?? composing}>
      <div ref={panel} className="max-h-[70vh] overflow-y-auto pr-1 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)]">
        <UndoNotice state={undo} undoButton={undoButton} onUndo={() => undo && void restore(undo.id, true)} onDismiss={() => setUndo(null)} />
        {selectedClaimId ? (
          <ClaimCard key={selectedClaimId} slug={slug} claimId={selectedClaimId} currentArticleId={articleId} labels={labels} notice={reusedText} onClose={() => setSelectedId(null)} />
        ) : selectedAnnotation ? (
          <HighlightCard
            annotation={selectedAnnotation}
            pageStarts={props.pageStarts}
            canAnnotate={canAnnotate}
            notice={reusedText}
            onClaim={(focus) => claimHighlight(selectedAnnotation.id, focus)}
            onClose={() => setSelectedId(null)}
          />
        ) : null}
        <AnnotationPanel
          annotations={sorted}
          selectedId={selectedId}
          currentUserId={props.currentUserId}
          canAnnotate={canAnnotate}
          canDeleteAny={props.canDeleteAny}
          canRestore={props.canRestore}
          onOpen={open}
          onDelete={remove}
          onRestore={(id) => void restore(id)}
          onMakeClaim={(id) => claimHighlight(id, "statement")}
          scrollParent={panel}
          reveal={reveal}
          describe={describe}
          pageStarts={props.pageStarts}
          text={props.text}
        />
      </div>
      </HighlightsSheet>
    </div>
  );
}
