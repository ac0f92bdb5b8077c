"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { SuggestionReasons } from "@/components/claims/suggestion-reasons";
import { ReviewStateBadge, VerdictBadge } from "@/components/claims/verdict-badge";
import { Alert } from "@/components/ui/alert";
import { onLiveChanges } from "@/components/live/live-bus";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import type { Verdict } from "@/lib/claims/verdicts";
import type { SuggestionReason } from "@/lib/search/suggest-claims";
import { useLiveChanges } from "@/components/live/use-live-changes";
import { useContentLang } from "@/components/ui/content-lang";
import { hasVisibleText } from "@/lib/validation/text";

export interface Suggestion {
  claimId: string;
  statement: string;
  /** The statement's stored language (null: the UI guesses it from the script). */
  language: string | null;
  verdict: string | null;
  reviewState: string;
  articleCount: number;
  mentionCount?: number;
  score: number;
  /** Why it matched (words, a name, a date or number), strongest first. */
  reasons?: SuggestionReason[];
}

interface Props {
  slug: string;
  articleId: string;
  revision: number;
  /** The workspace change-feed seq the page was rendered at (where following the workspace's claims starts). */
  liveSeq: number;
  /** The passage; with `annotationId` it is an existing plain highlight, which is reused rather than highlighted again. */
  selection: { start: number; end: number; text: string; annotationId?: string };
  /** Which part to start in: a new claim (the statement) or attaching to an existing one (the search). */
  focus?: "statement" | "search";
  labels: Record<Verdict, string>;
  onDone(annotationId: string): void;
  /** The words turned out to be a mention of a claim already (a teammate marked them meanwhile): show that one instead. */
  /** `notice`: null when the words were already a mention before (the reader then says so), not marked a moment ago. */
  onExisting(annotationId: string, notice: string | null): void;
  onCancel(): void;
}

const TABBABLE = "a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex='-1'])";

/** Suggestions for the selection, or for what was typed: POST, as a selection can be far longer than a URL may be. */
async function fetchSuggestions(url: string, body: { text: string; articleId: string } | { q: string }): Promise<Suggestion[]> {
  const res = await apiSend<{ suggestions: Suggestion[] }>("POST", url, body);
  if (!res.ok) throw new Error(res.error.message);
  return res.data.suggestions;
}

/**
 * "Mark as claim": a new claim from the selection, or the selection as one
 * more mention of an existing claim. Suggestions are never linked on their
 * own; what the person accepts or passes over is recorded as feedback.
 *
 * A native modal <dialog>: showModal() makes the page behind it inert, Escape
 * cancels it, and closing it gives focus back to whatever had it before (the
 * article text, for the M key); Tab and Shift+Tab wrap round inside it.
 */
export function ClaimComposer({ slug, articleId, revision, liveSeq, selection, focus = "statement", labels, onDone, onExisting, onCancel }: Props) {
  const t = useTranslations("reader.composer");
  const localize = useApiErrors();
  const base = `/api/w/${slug}`;
  const headingId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [statement, setStatement] = useState(selection.text);
  const [claimant, setClaimant] = useState("");
  const [query, setQuery] = useState("");
  /** The list with what it answers (query or selection): one for another is never shown; after a teammate's change the old list stays until the new one is in. */
  const [answer, setAnswer] = useState<{ key: string; items: Suggestion[] | null; error: string | null } | null>(null);
  const [shown, setShown] = useState<Suggestion[]>([]);
  /** Bumped by a teammate's change (the page's live stream) and on coming back to the tab: ask again. */
  const [generation, setGeneration] = useState(0);
  /** The latest request sent: an answer to an earlier one, arriving late, is dropped. */
  const latest = useRef(0);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  // A layout effect, so the dialog closes (and focus returns) before React removes it from the page.
  useLayoutEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (!d.open) d.showModal();
    d.querySelector<HTMLElement>(focus === "search" ? "input[type=search]" : "textarea")?.focus();
    return () => d.close();
  }, [focus]);

  const q = query.trim();
  const key = `${q}\u0000${articleId}\u0000${selection.text}`;
  useEffect(() => {
    const id = ++latest.current;
    const timer = window.setTimeout(
      () => {
        fetchSuggestions(`${base}/claims/suggestions`, q ? { q } : { text: selection.text, articleId })
          .then((list) => {
            if (id !== latest.current) return;
            setAnswer({ key, items: list, error: null });
            if (!q) setShown(list);
          })
          .catch(() => id === latest.current && setAnswer({ key, items: null, error: t("loadFailed") }));
      },
      q ? 250 : 0,
    );
    return () => window.clearTimeout(timer);
  }, [base, key, generation, q, selection.text, articleId, t]);

  // A teammate's new claim in ANOTHER article may be the one this passage matches (a Russian passage's English
  // claim lives in the English article), and the reader's own stream follows only this article: while the dialog
  // is open it follows the workspace's claim changes too, and asks again on each (issue 14's tester, X36).
  const langOf = useContentLang();
  useLiveChanges({ slug }, liveSeq, (changes) => {
    if (changes.some((c) => c.kind.startsWith("claim."))) setGeneration((g) => g + 1);
  });

  // Claims change while the dialog is open (a teammate makes, merges or deletes one, sets a verdict): the list is asked for again.
  useEffect(() => {
    const refresh = () => setGeneration((g) => g + 1);
    const off = onLiveChanges((changes) => {
      if (changes.some((c) => c.kind.startsWith("claim.") || c.kind.startsWith("annotation."))) refresh();
    });
    const onVisible = () => document.visibilityState === "visible" && refresh();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      off();
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);
  const current = answer?.key === key ? answer : null;
  const items = current?.items ?? null;
  const loadError = current?.error ?? null;

  /** The suggestions shown (and the one taken, if it was found by searching), for the feedback sent with the request. */
  function feedback(acceptedId: string | null) {
    const list = acceptedId && !shown.some((s) => s.claimId === acceptedId) ? [...shown, ...(items ?? []).filter((s) => s.claimId === acceptedId)] : shown;
    if (!list.length) return undefined;
    return { queryText: selection.text, items: list.map((s, rank) => ({ claimId: s.claimId, rank: rank + 1, score: s.score, accepted: s.claimId === acceptedId })) };
  }

  /**
   * One request (lib/claims/mark-as-claim.ts): the highlight, the claim (new or
   * existing) and the feedback are written together or not at all, so a refusal
   * never leaves a stray highlight behind.
   */
  async function mark(claim: { claimId: string; version: number } | { statement: string; claimant?: string }, acceptedId: string | null): Promise<boolean> {
    const passage = selection.annotationId ? { annotationId: selection.annotationId } : { start: selection.start, end: selection.end, revision };
    const res = await apiSend<{ annotationId: string }>("POST", `${base}/articles/${articleId}/mark-as-claim`, { ...passage, ...claim, feedback: feedback(acceptedId) });
    if (res.ok) {
      onDone(res.data.annotationId);
      return true;
    }
    // A teammate made these very words a mention meanwhile: show theirs.
    const existing = res.error.status === 409 ? res.error.body.annotationId : undefined;
    if (typeof existing === "string" && existing !== selection.annotationId) {
      // "A moment ago" only when the server says it was (marked_moment_ago); an older mention is just shown (X36b).
      onExisting(existing, res.error.body.code === "marked_moment_ago" ? t("markedMeanwhile") : null);
      return true;
    }
    const problem = localize(res.error);
    setFields(problem.fields);
    setError(problem.message);
    return false;
  }

  async function create() {
    if (!hasVisibleText(statement)) {
      setFields({ statement: t("statementRequired") });
      return;
    }
    setBusy(true);
    setError(null);
    setFields({});
    await mark({ statement: statement.trim(), claimant: claimant.trim() || undefined }, null);
    setBusy(false);
  }

  async function attach(claimId: string) {
    setBusy(true);
    setError(null);
    setFields({});
    const claim = await apiSend<{ version: number }>("GET", `${base}/claims/${claimId}`);
    if (!claim.ok) {
      setBusy(false);
      return setError(localize(claim.error).message);
    }
    await mark({ claimId, version: claim.data.version }, claimId);
    setBusy(false);
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      className="fixed inset-0 z-40 m-0 h-full max-h-none w-full max-w-none items-start justify-center overflow-y-auto bg-stone-900/30 p-4 pt-16 text-inherit open:flex backdrop:bg-transparent"
      onKeyDown={(e) => {
        // showModal() keeps Tab off the page behind, but past the last control the browser moves
        // focus out of the document (to its own toolbar); wrap round instead, both ways.
        if (e.key !== "Tab") return;
        const controls = [...e.currentTarget.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.getClientRects().length > 0);
        const first = controls[0];
        const last = controls.at(-1);
        if (!first || !last) return;
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }}
      onCancel={(e) => {
        // Escape: let React remove it (the layout effect closes it and returns focus).
        e.preventDefault();
        onCancel();
      }}
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onCancel();
      }}
    >
      <div className="w-full max-w-2xl rounded-xl bg-white p-5 shadow-xl ring-1 ring-stone-200">
        <div className="flex items-start justify-between gap-4">
          <h2 id={headingId} className="text-lg font-semibold">
            {t("heading")}
          </h2>
          <button type="button" onClick={onCancel} className="shrink-0 whitespace-nowrap rounded px-2 py-1 text-sm text-stone-600 hover:bg-stone-100">
            {t("cancel")}
          </button>
        </div>
        <blockquote className="mt-3 border-l-2 border-amber-400 pl-3 font-serif text-stone-800">{selection.text}</blockquote>
        {error ? (
          <div className="mt-3">
            <Alert>{error}</Alert>
          </div>
        ) : null}

        <section aria-labelledby={`${headingId}-new`} className="mt-5">
          <h3 id={`${headingId}-new`} className="font-medium">
            {t("newClaim")}
          </h3>
          <div className="mt-2 space-y-3">
            <div className="space-y-1.5">
              <label htmlFor={`${headingId}-statement`} className="block text-sm font-medium">
                {t("statement")}
              </label>
              <textarea
                id={`${headingId}-statement`}
                value={statement}
                onChange={(e) => setStatement(e.target.value)}
                rows={3}
                aria-invalid={fields.statement ? true : undefined}
                className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none"
              />
              {fields.statement ? <p className="text-sm text-red-700">{fields.statement}</p> : <p className="text-xs text-stone-500">{t("statementHint")}</p>}
            </div>
            <div className="space-y-1.5">
              <label htmlFor={`${headingId}-claimant`} className="block text-sm font-medium">
                {t("claimant")}
              </label>
              <input
                id={`${headingId}-claimant`}
                value={claimant}
                onChange={(e) => setClaimant(e.target.value)}
                placeholder={t("claimantPlaceholder")}
                aria-invalid={fields.claimant ? true : undefined}
                aria-describedby={fields.claimant ? `${headingId}-claimant-error` : undefined}
                className="block w-full rounded-md px-3 py-2 text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none"
              />
              {/* The server's reason under the field: a tab pasted from a spreadsheet is invisible otherwise (N14b-3). */}
              {fields.claimant ? (
                <p id={`${headingId}-claimant-error`} className="text-sm text-red-700">
                  {fields.claimant}
                </p>
              ) : null}
            </div>
            <Button type="button" disabled={busy} onClick={create}>
              {busy ? t("saving") : t("create")}
            </Button>
          </div>
        </section>

        <section aria-labelledby={`${headingId}-attach`} className="mt-6 border-t border-stone-200 pt-5">
          <h3 id={`${headingId}-attach`} className="font-medium">
            {t("attachHeading")}
          </h3>
          <label htmlFor={`${headingId}-search`} className="mt-2 block text-sm font-medium">
            {t("search")}
          </label>
          <input
            id={`${headingId}-search`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t("searchPlaceholder")}
            className="mt-1.5 block w-full rounded-md px-3 py-2 text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none"
          />
          <p className="mt-3 text-xs font-medium tracking-wide text-stone-500 uppercase">{query.trim() ? t("results") : t("similar")}</p>
          {loadError ? <p className="mt-2 text-sm text-red-700">{loadError}</p> : null}
          {items === null && !loadError ? <p className="mt-2 text-sm text-stone-500">{t("looking")}</p> : null}
          {items && items.length === 0 ? <p className="mt-2 text-sm text-stone-500">{query.trim() ? t("noMatch") : t("noSimilar")}</p> : null}
          {items && items.length ? (
            <ul aria-label={t("suggested")} className="mt-2 divide-y divide-stone-100">
              {items.map((s) => (
                <li key={s.claimId} className="flex items-start gap-3 py-2.5">
                  <div className="min-w-0 flex-1">
                    <p className="text-sm text-stone-900" lang={langOf(s.statement, s.language)}>
                      {s.statement}
                    </p>
                    <SuggestionReasons reasons={s.reasons} />
                    <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-stone-500">
                      <VerdictBadge verdict={s.verdict} labels={labels} />
                      <ReviewStateBadge state={s.reviewState} />
                      <span>{t("articleCount", { count: s.articleCount })}</span>
                    </p>
                  </div>
                  <Button type="button" variant="secondary" disabled={busy} onClick={() => attach(s.claimId)} aria-label={t("attachLabel", { statement: s.statement.slice(0, 60) })}>
                    {t("attach")}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      </div>
    </dialog>
  );
}
