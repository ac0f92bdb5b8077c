"use client";

import { PendingLink } from "@/components/layout/pending-link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/locale";
import type { BulkResult, ClaimListItem } from "@/lib/claims/claim-dto";
import type { Verdict } from "@/lib/claims/verdicts";
import { shortcutLetter } from "./shortcut-letter";
import { ReviewStateBadge, VerdictBadge } from "./verdict-badge";
import { useContentLang } from "@/components/ui/content-lang";

/** A small cell in a card (below md): inline, its column's name before it. */
const CARD_CELL = "max-md:p-0 max-md:text-xs max-md:text-stone-600 max-md:before:mr-1 max-md:before:text-stone-600 max-md:before:content-[attr(data-label)]";

/** The assignee picker's value for "Nobody": not "", which means no choice made yet. */
const NOBODY = "__nobody__";

/**
 * The review queue: j/k move, x selects, Enter opens; selected claims can be
 * assigned or sent to review together.
 */
export function ClaimQueue({
  slug,
  items,
  labels,
  canBulk,
  members,
  filtered = false,
  symbolsOnly = false,
}: {
  slug: string;
  items: ClaimListItem[];
  labels: Record<Verdict, string>;
  canBulk: boolean;
  members: { id: string; name: string }[];
  /** Filters narrow the list: an empty one then says no claim matches them, not how claims are made. */
  filtered?: boolean;
  /** The search is only symbols, which it never finds (it looks for words and numbers): an empty list says so (black-box s34, L6). */
  symbolsOnly?: boolean;
}) {
  const router = useRouter();
  const t = useTranslations("claims.queue");
  const langOf = useContentLang();
  const localize = useApiErrors();
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [assignee, setAssignee] = useState("");
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement;
      if (target.closest("input, select, textarea, [contenteditable=true]") || e.metaKey || e.ctrlKey || e.altKey || !items.length) return;
      const letter = shortcutLetter(e);
      if (letter === "j" || letter === "k") {
        e.preventDefault();
        // The first press puts the focus on the current row (the first, on a fresh page); later ones move it.
        const onRow = rows.current.some((row) => row && row === document.activeElement);
        const next = onRow ? Math.max(0, Math.min(items.length - 1, active + (letter === "j" ? 1 : -1))) : Math.min(active, items.length - 1);
        rows.current[next]?.focus();
        setActive(next);
      } else if (e.key === "Enter" && target.tagName === "TR") {
        router.push(`/w/${slug}/claims/${items[active].id}`);
      } else if (letter === "x" && canBulk) {
        toggle(items[active].id);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  function toggle(id: string) {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function bulk(body: Record<string, unknown>, done: "assigned" | "unassigned" | "submitted") {
    const res = await apiSend<BulkResult>("POST", `/api/w/${slug}/claims/bulk`, { ...body, claimIds: [...selected] });
    if (!res.ok) return setMessage({ tone: "error", text: localize(res.error).message });
    const skipped = res.data.skipped.length ? ` ${t("bulkSkipped", { count: res.data.skipped.length, reasons: res.data.skipped.map((s) => s.reason).join("; ") })}` : "";
    setMessage({ tone: "success", text: `${t(`bulkDone.${done}`, { count: res.data.updated.length })}${skipped}` });
    setSelected(new Set());
    setAssignee("");
    router.refresh();
  }

  if (!items.length) {
    return (
      <div className="mt-6 rounded-xl border border-dashed border-stone-300 bg-white px-6 py-12 text-center">
        <h3 className="font-medium">{filtered ? t("emptyFilteredTitle") : t("emptyTitle")}</h3>
        <p className="mt-1 text-sm text-stone-600">{symbolsOnly ? t("emptySymbolsHint") : filtered ? t("emptyFilteredHint") : t("emptyHint")}</p>
      </div>
    );
  }

  return (
    <div className="mt-4 space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {canBulk && selected.size ? (
        <div role="region" aria-label={t("bulkActions")} className="flex flex-wrap items-center gap-2 rounded-lg bg-stone-800 px-3 py-2 text-sm text-white">
          <span>{t("selectedCount", { count: selected.size })}</span>
          <label htmlFor="bulk-assignee" className="sr-only">
            {t("assignTo")}
          </label>
          {/* No default: one click must not unassign everything selected, so "Nobody" has to be chosen like anyone else. */}
          <select id="bulk-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)} className="rounded-md bg-white px-2 py-1 text-sm text-stone-900 ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none">
            <option value="" disabled>
              {t("choosePerson")}
            </option>
            <option value={NOBODY}>{t("nobodyUnassign")}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <Button variant="secondary" className="py-1" disabled={!assignee} aria-describedby={assignee ? undefined : "bulk-assign-hint"} onClick={() => bulk({ action: "assign", assigneeId: assignee === NOBODY ? null : assignee }, assignee === NOBODY ? "unassigned" : "assigned")}>
            {t("assign")}
          </Button>
          {assignee ? null : (
            <span id="bulk-assign-hint" className="sr-only">
              {t("assignHint")}
            </span>
          )}
          <Button variant="secondary" className="py-1" onClick={() => bulk({ action: "submit" }, "submitted")}>
            {t("sendToReview")}
          </Button>
        </div>
      ) : null}
      {/* Below md each row is drawn as a card (the same table: keys, selection and headers work unchanged); cells name themselves with data-label. */}
      <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-stone-200 max-md:overflow-visible">
        <table className="w-full text-left text-sm max-md:block">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="border-b border-stone-200 text-xs text-stone-600 uppercase max-md:sr-only">
            <tr>
              {canBulk ? (
                <th scope="col" className="w-10 px-3 py-2">
                  <span className="sr-only">{t("select")}</span>
                </th>
              ) : null}
              <th scope="col" className="px-3 py-2">{t("colClaim")}</th>
              <th scope="col" className="px-3 py-2">{t("colVerdict")}</th>
              <th scope="col" className="px-3 py-2">{t("colReview")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("colArticles")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("colSources")}</th>
              <th scope="col" className="px-3 py-2">{t("colAssignee")}</th>
              <th scope="col" className="px-3 py-2">{t("colChanged")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 max-md:block">
            {items.map((c, i) => (
              <tr
                key={c.id}
                ref={(el) => {
                  rows.current[i] = el;
                }}
                tabIndex={i === active ? 0 : -1}
                aria-selected={selected.has(c.id)}
                onFocus={() => setActive(i)}
                className={`outline-none focus:bg-brand-50 max-md:relative max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-4 max-md:gap-y-2 max-md:py-3 max-md:pr-3 ${canBulk ? "max-md:pl-11" : "max-md:pl-3"} ${selected.has(c.id) ? "bg-amber-50" : ""}`}
              >
                {canBulk ? (
                  <td className="px-3 py-2.5 max-md:absolute max-md:top-1.5 max-md:left-0 max-md:p-2">
                    <input type="checkbox" className="max-md:size-5" checked={selected.has(c.id)} onChange={() => toggle(c.id)} aria-label={t("selectClaim", { statement: c.statement.slice(0, 60) })} />
                  </td>
                ) : null}
                <td className="max-w-md px-3 py-2.5 max-md:block max-md:max-w-none max-md:basis-full max-md:p-0">
                  <PendingLink href={`/w/${slug}/claims/${c.id}`} className="line-clamp-2 font-medium text-stone-900 hover:text-brand-700 hover:underline" lang={langOf(c.statement, c.language)}>
                    {c.statement}
                  </PendingLink>
                  {c.claimant ? <span className="text-xs text-stone-500">{c.claimant}</span> : null}
                </td>
                <td className="px-3 py-2.5 max-md:p-0">
                  <VerdictBadge verdict={c.verdict} labels={labels} />
                </td>
                <td className="px-3 py-2.5 max-md:p-0">
                  <ReviewStateBadge state={c.reviewState} changesRequested={!!c.changesRequested} />
                  {c.changesRequested && c.reviewState === "unreviewed" ? (
                    <span className="mt-1 line-clamp-2 block max-w-48 text-xs text-stone-600 max-md:max-w-none" title={c.changesRequested.reason}>
                      <span className="sr-only">{t("reason")} </span>
                      {c.changesRequested.reason}
                    </span>
                  ) : null}
                </td>
                <td data-label={t("colArticles")} className={`px-3 py-2.5 text-right tabular-nums ${CARD_CELL}`}>{c.articleCount}</td>
                <td data-label={t("colSources")} className={`px-3 py-2.5 text-right tabular-nums ${CARD_CELL}`}>{c.sourceCount}</td>
                <td data-label={t("colAssignee")} className={`px-3 py-2.5 ${CARD_CELL}`}>{c.assignee?.name ?? <span className="text-stone-500">—</span>}</td>
                <td data-label={t("colChanged")} className={`px-3 py-2.5 whitespace-nowrap text-stone-600 ${CARD_CELL}`}><Time value={c.updatedAt} style="day-short" /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
