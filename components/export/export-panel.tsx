"use client";

import type { AppLocale } from "@/lib/i18n/locales";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { REVIEW_STATES, type ReviewState } from "@/lib/claims/review-states";
import { VERDICTS, type Verdict } from "@/lib/claims/verdicts";
import { EXPORT_FORMATS, filterOfParam, filtersToSearchParams, type ExportFiltersInput, type ExportFormat } from "@/lib/export/filters";
import type { CodeParams, FieldCodes } from "@/lib/http/error-codes";

const CONTROL = "block w-full rounded-md bg-white px-2.5 py-1.5 text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none";
const LABEL = "text-xs font-medium text-stone-600";

interface Counts {
  articles: number;
  annotations: number;
  claims: number;
}

function toggle<T>(list: T[] | undefined, value: T): T[] {
  const l = list ?? [];
  return l.includes(value) ? l.filter((v) => v !== value) : [...l, value];
}

/** A problem+json body's first field message, else its detail (each in the reader's language when its code is known). */
type Problem = { detail?: string; errors?: Record<string, string>; code?: string; codeParams?: CodeParams; fieldCodes?: FieldCodes };

/** The filters with a label on this page (messages: export.*), for naming a parameter in an error by its filter's label. */
const LABELLED = ["articles", "reviewState", "verdict", "tags", "claimant", "dateField", "from", "to"] as const;
const labelOf = (param: string) => LABELLED.find((f) => f === filterOfParam(param));

/** Why the filters in the page's address were not used: the export's 400, as the page's server read it. */
export type AddressProblem = { message: string; fields: Record<string, string>; extra: Record<string, unknown> };

/** The export page's form: filters, the set's counts, one download link per format. */
export function ExportPanel({
  slug,
  articles,
  tags,
  labels,
  initial = { dateField: "claimDate" },
  locale = null,
  addressProblem = null,
}: {
  slug: string;
  articles: { id: string; title: string }[];
  tags: string[];
  labels: Record<Verdict, string>;
  /** The filters the page's address asked for (app/w/[slug]/export/page.tsx). */
  initial?: ExportFiltersInput;
  /** The language of the verdict labels the address asked the downloads for (`locale=`), else the reader's. */
  locale?: AppLocale | null;
  /** Why the address's filters were not used, when they weren't. */
  addressProblem?: AddressProblem | null;
}) {
  const [filters, setFilters] = useState<ExportFiltersInput>(initial);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [countError, setCountError] = useState<string | null>(null);
  const [started, setStarted] = useState<ExportFormat | null>(null);
  const query = filtersToSearchParams(filters).toString();
  const t = useTranslations("export");
  const reviewStates = useTranslations("common.reviewStates");
  const localize = useApiErrors();
  const problemText = (body: Problem, status: number, fallback: string): string => {
    const e = localize({ message: body.detail ?? fallback, fields: body.errors ?? {}, code: body.code, codeParams: body.codeParams, fieldCodes: body.fieldCodes, status, body: {} });
    // Named by the filter's label: the field's message alone ("At most 300 characters.") doesn't say which filter it is about.
    const [field] = Object.entries(e.fields);
    if (!field) return e.message;
    const label = labelOf(field[0]);
    return `${label ? t(label) : field[0]}: ${field[1]}`;
  };

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/w/${slug}/export/count?${query}`, { signal: controller.signal });
        const body = await res.json();
        if (res.ok) {
          setCounts(body as Counts);
          setCountError(null);
        } else {
          setCounts(null);
          setCountError(problemText(body as Problem, res.status, t("countFailed")));
        }
      } catch (err) {
        if ((err as Error).name !== "AbortError") setCountError(t("countFailed"));
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // problemText and t change with the locale only, which reloads the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug, query]);

  const set = (patch: Partial<ExportFiltersInput>) => setFilters((f) => ({ ...f, ...patch }));

  // A plain link: the browser streams the file to disk as it arrives and shows its progress in its downloads,
  // so a 100k-claim export never sits in this page's memory (it did when read here into a Blob).
  const href = (f: ExportFormat) => `/api/w/${slug}/export?${new URLSearchParams([["format", f], ...new URLSearchParams(query), ...(locale ? [["locale", locale]] : [])]).toString()}`;

  const addressText = addressProblem
    ? t("addressIgnored", { problem: problemText({ detail: addressProblem.message, errors: addressProblem.fields, ...addressProblem.extra }, 400, addressProblem.message) })
    : null;

  return (
    <div className="space-y-6">
      {addressText ? <Alert>{addressText}</Alert> : null}
      <form className="grid gap-4 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:grid-cols-2 lg:grid-cols-3" aria-label={t("formLabel")} onSubmit={(e) => e.preventDefault()}>
        <fieldset className="min-w-0 sm:col-span-2 lg:col-span-1">
          <legend className={LABEL}>{t("articles")}</legend>
          <label className="mt-1 flex items-center gap-2 text-sm">
            <input type="checkbox" checked={!filters.articles?.length} onChange={() => set({ articles: [] })} /> {t("allArticles")}
          </label>
          <div className="mt-1 max-h-40 space-y-1 overflow-y-auto rounded-md p-2 ring-1 ring-stone-200">
            {articles.length === 0 ? <p className="text-sm text-stone-500">{t("noArticles")}</p> : null}
            {articles.map((a) => (
              <label key={a.id} className="flex min-w-0 items-center gap-2 text-sm" title={a.title}>
                <input type="checkbox" className="shrink-0" checked={filters.articles?.includes(a.id) ?? false} onChange={() => set({ articles: toggle(filters.articles, a.id) })} />
                <span className="min-w-0 truncate">{a.title}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="min-w-0">
          <legend className={LABEL}>{t("reviewState")}</legend>
          {REVIEW_STATES.map((s) => (
            <label key={s} className="mt-1 flex items-center gap-2 text-sm">
              <input type="checkbox" checked={filters.reviewState?.includes(s) ?? false} onChange={() => set({ reviewState: toggle<ReviewState>(filters.reviewState, s) })} />
              {reviewStates(s)}
            </label>
          ))}
          <label className="mt-3 flex items-center gap-2 text-sm">
            <input type="checkbox" checked={filters.withVerdict === true} onChange={(e) => set({ withVerdict: e.target.checked })} /> {t("withVerdict")}
          </label>
        </fieldset>
        <fieldset className="min-w-0">
          <legend className={LABEL}>{t("verdict")}</legend>
          {[...VERDICTS, "none" as const].map((v) => (
            <label key={v} className="mt-1 flex items-center gap-2 text-sm">
              <input type="checkbox" checked={filters.verdict?.includes(v) ?? false} onChange={() => set({ verdict: toggle<Verdict | "none">(filters.verdict, v) })} />
              {v === "none" ? t("noVerdict") : labels[v]}
            </label>
          ))}
        </fieldset>
        <div className="min-w-0 space-y-3">
          <div>
            <label htmlFor="x-tags" className={LABEL}>
              {t("tags")}
            </label>
            <select id="x-tags" multiple value={filters.tags ?? []} onChange={(e) => set({ tags: [...e.target.selectedOptions].map((o) => o.value) })} className={`${CONTROL} h-24`}>
              {tags.map((tag) => (
                <option key={tag} value={tag}>
                  {tag}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="x-claimant" className={LABEL}>
              {t("claimant")}
            </label>
            <input id="x-claimant" value={filters.claimant ?? ""} onChange={(e) => set({ claimant: e.target.value })} className={CONTROL} />
          </div>
        </div>
        <div className="min-w-0 space-y-3">
          <div>
            <label htmlFor="x-datefield" className={LABEL}>
              {t("dateField")}
            </label>
            <select id="x-datefield" value={filters.dateField ?? "claimDate"} onChange={(e) => set({ dateField: e.target.value as "claimDate" | "createdAt" })} className={CONTROL}>
              <option value="claimDate">{t("claimDate")}</option>
              <option value="createdAt">{t("createdAt")}</option>
            </select>
          </div>
          <div className="grid grid-cols-2 gap-2">
            <div>
              <label htmlFor="x-from" className={LABEL}>
                {t("from")}
              </label>
              <input id="x-from" type="date" value={filters.from ?? ""} onChange={(e) => set({ from: e.target.value || undefined })} className={CONTROL} />
            </div>
            <div>
              <label htmlFor="x-to" className={LABEL}>
                {t("to")}
              </label>
              <input id="x-to" type="date" value={filters.to ?? ""} onChange={(e) => set({ to: e.target.value || undefined })} className={CONTROL} />
            </div>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={filters.revisions === true} onChange={(e) => set({ revisions: e.target.checked })} /> {t("revisions")}
          </label>
        </div>
      </form>

      <section aria-labelledby="counts-heading" aria-live="polite" className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
        <h3 id="counts-heading" className="text-sm font-semibold">
          {t("holds")}
        </h3>
        {countError ? <Alert>{countError}</Alert> : null}
        {counts ? (
          <p className="mt-1 text-sm tabular-nums text-stone-700">
            {t("counts", { articles: counts.articles, annotations: counts.annotations, claims: counts.claims })}
          </p>
        ) : countError ? null : (
          <p className="mt-1 text-sm text-stone-500">{t("counting")}</p>
        )}
      </section>

      <section aria-labelledby="formats-heading" className="space-y-3">
        <h3 id="formats-heading" className="text-sm font-semibold">
          {t("download")}
        </h3>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {EXPORT_FORMATS.map((f) => (
            <li key={f} className="flex flex-col justify-between gap-2 rounded-xl bg-white p-4 ring-1 ring-stone-200">
              <div>
                <p className="text-sm font-medium">{t(`formats.${f}.label`)}</p>
                <p className="text-xs text-stone-600">{t(`formats.${f}.description`)}</p>
                {/* CSV headers are the columns' names in English whatever the UI language: scripts and other tools read them by name. */}
                {f === "csv" ? <p className="text-xs text-stone-600">{t("formats.csv.headers")}</p> : null}
              </div>
              {countError ? (
                // The count was refused, so the export would be too (same filters, same checks): say so here, not in a saved error file.
                <Button variant="secondary" disabled>
                  {t("exportFormat", { format: t(`formats.${f}.label`) })}
                </Button>
              ) : (
                <a href={href(f)} download className={buttonClass("secondary")} onClick={() => setStarted(f)}>
                  {t("exportFormat", { format: t(`formats.${f}.label`) })}
                </a>
              )}
            </li>
          ))}
        </ul>
        <p className="text-sm text-stone-700" role="status">
          {started ? t("started", { format: t(`formats.${started}.label`) }) : null}
        </p>
      </section>
    </div>
  );
}
