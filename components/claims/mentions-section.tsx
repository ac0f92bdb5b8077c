"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useCursorPages } from "@/components/ui/use-cursor-pages";
import type { MentionView } from "@/lib/claims/claim-dto";
import type { Send } from "./use-claim";
import { useContentLang } from "@/components/ui/content-lang";


/**
 * Detaching asks first (the highlight stays, but the claim loses a place it is
 * made); a refusal (the claim's last mention, a stale page) is shown under the
 * mention in the server's own words.
 */
function DetachControl({ m, version, send }: { m: MentionView; version: number; send: Send }) {
  const t = useTranslations("claims.mentions");
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = `detach-error-${m.annotationId}`;
  // Closing the confirmation (Cancel, or a refusal) hands focus back to the Detach button, not to the page.
  const detachButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!confirming && returnFocus.current) {
      returnFocus.current = false;
      detachButton.current?.focus();
    }
  }, [confirming]);

  async function detach() {
    setPending(true);
    const r = await send("DELETE", `/mentions/${m.annotationId}`, { version }, t("detached"));
    setPending(false);
    setConfirming(false);
    returnFocus.current = !r.ok;
    if (!r.ok) setError(r.fields.annotationId ? (r.message ?? r.fields.annotationId) : (r.message ?? t("detachFailed")));
  }

  return (
    <div className="mt-3">
      {confirming ? (
        <div role="group" aria-label={t("detachGroup", { title: m.article.title })} className="flex flex-wrap items-center gap-2 rounded-md bg-stone-50 p-2 text-sm">
          <span className="text-stone-700">{t("detachConfirm")}</span>
          <Button variant="danger" className="py-1" autoFocus disabled={pending} onClick={() => void detach()}>
            {pending ? t("detaching") : t("detach")}
          </Button>
          <Button
            variant="secondary"
            className="py-1"
            onClick={() => {
              setConfirming(false);
              returnFocus.current = true;
            }}
          >
            {t("cancel")}
          </Button>
        </div>
      ) : (
        <button
          ref={detachButton}
          type="button"
          onClick={() => {
            setError(null);
            setConfirming(true);
          }}
          aria-describedby={error ? errorId : undefined}
          className="rounded px-1.5 py-0.5 text-xs text-stone-500 hover:bg-red-50 hover:text-red-700"
          aria-label={t("detachLabel", { exact: m.exact, title: m.article.title })}
        >
          {t("detach")}
        </button>
      )}
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The quote with the article's text around it; "…" only where the article goes on past what is shown. */
function QuoteInContext({ m }: { m: MentionView }) {
  const langOf = useContentLang();
  const cut = m.contextCut;
  return (
    <p className="mt-2 font-serif text-[0.95rem] leading-relaxed text-stone-600" lang={langOf(`${m.before}${m.exact}${m.after}`, m.article.language)}>
      {m.before ? <span>{cut.before ? "…" : ""}{m.before}</span> : null}
      <mark className="bg-amber-100 px-0.5 text-stone-900">{m.exact}</mark>
      {m.after ? <span>{m.after}{cut.after ? "…" : ""}</span> : null}
    </p>
  );
}

interface Props {
  slug: string;
  claimId: string;
  /** The first page of mentions, oldest first; `nextCursor` continues. */
  mentions: MentionView[];
  nextCursor: string | null;
  /** Live mentions and their articles in all (a mention whose highlight was deleted isn't counted). */
  count: number;
  articleCount: number;
  version: number;
  canEdit: boolean;
  send: Send;
}

/**
 * Every place the claim is made: the article, and the quote in its context. The claim carries its
 * first mentions; more load a page at a time. Keyed by the claim's version where it is used, so a
 * change starts it afresh.
 */
export function MentionsSection({ slug, claimId, mentions, nextCursor, count, articleCount, version, canEdit, send }: Props) {
  const t = useTranslations("claims.mentions");
  const langOf = useContentLang();
  const status = (s: MentionView["status"]) => (s === "exact" ? null : t(`status.${s}`));
  const pages = useCursorPages(mentions, nextCursor, (cursor) => `/api/w/${slug}/claims/${claimId}/mentions?cursor=${encodeURIComponent(cursor)}`);
  const shown = pages.items;
  // A mention whose highlight was deleted in the reader is shown as such and not counted: it can be
  // brought back there (Undo, or an admin's Restore), but until then the claim isn't made there.
  return (
    <section aria-labelledby="mentions-heading">
      <h2 id="mentions-heading" className="font-semibold">
        {t("heading")}{" "}
        <span className="font-normal text-stone-500">{t("headingCount", { count, articleCount })}</span>
      </h2>
      <ul className="mt-3 space-y-3">
        {shown.map((m) => (
          <li key={m.annotationId} className="rounded-lg bg-white p-4 ring-1 ring-stone-200">
            <div className="flex items-center justify-between gap-2">
              <span className="min-w-0">
                <Link href={`/w/${slug}/articles/${m.article.id}#highlight-${m.annotationId}`} className="font-medium text-brand-700 hover:underline" lang={langOf(m.article.title, m.article.language)}>
                  {m.article.title}
                </Link>
                {m.page !== null && !m.deleted ? <span className="ml-2 text-sm whitespace-nowrap text-stone-600">{t("page", { page: m.page })}</span> : null}
              </span>
              {m.deleted ? (
                <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium text-stone-700">{t("highlightDeleted")}</span>
              ) : status(m.status) ? (
                <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-800">{status(m.status)}</span>
              ) : null}
            </div>
            <QuoteInContext m={m} />
            {m.deleted ? <p className="mt-2 text-xs text-stone-600">{t("highlightDeletedHint")}</p> : null}
            {canEdit && !m.deleted ? <DetachControl m={m} version={version} send={send} /> : null}
          </li>
        ))}
      </ul>
      {pages.error ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {pages.error}
        </p>
      ) : null}
      {pages.hasMore ? (
        <Button type="button" variant="secondary" className="mt-3" onClick={() => void pages.loadMore()} disabled={pages.loading} aria-busy={pages.loading}>
          {pages.loading ? t("loadingMore") : t("showMore", { shown: shown.length, count })}
        </Button>
      ) : null}
    </section>
  );
}
