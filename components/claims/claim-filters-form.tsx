import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { CONTROL } from "@/components/ui/field";
import { CHANGES_REQUESTED, REVIEW_STATES } from "@/lib/claims/review-states";
import { VERDICTS, type Verdict } from "@/lib/claims/verdicts";
import { FiltersDisclosure } from "./filters-disclosure";

/** The parameters that narrow the list (sort and paging don't): what "Filters (N active)" counts. */
const NARROWING = ["q", "reviewState", "verdict", "assignee", "tag", "claimant", "hasSources", "articleId"] as const;

/** A labelled filter control; a refused value's message sits under it, tied with aria-describedby. */
function Filter({ id, label, error, className, children }: { id: string; label: string; error?: string; className?: string; children: (a11y: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="text-xs font-medium text-stone-600">
        {label}
      </label>
      {children({ id, ...(error ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {}) })}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Filters as a plain GET form: the server filters, and every view is a link you can share.
 * `errors`: the refused parameters' messages (lib/claims/schemas.ts), each shown under its control.
 * `tags`: the workspace's tags, suggested as you type (matching ignores case).
 */
export function ClaimFiltersForm({
  slug,
  filters,
  labels,
  members,
  tags,
  errors = {},
}: {
  slug: string;
  filters: Record<string, string>;
  labels: Record<Verdict, string>;
  members: { id: string; name: string }[];
  tags: string[];
  errors?: Record<string, string>;
}) {
  const t = useTranslations("claims");
  const common = useTranslations("common");
  const active = NARROWING.filter((k) => filters[k]).length;
  return (
    <FiltersDisclosure active={active} startOpen={Object.keys(errors).length > 0}>
      <form method="get" action={`/w/${slug}/claims`} className="grid gap-3 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:grid-cols-3 lg:grid-cols-6" aria-label={t("filters.formLabel")}>
        {filters.deleted === "true" ? <input type="hidden" name="deleted" value="true" /> : null}
        {filters.articleId ? <input type="hidden" name="articleId" value={filters.articleId} /> : null}
        <Filter id="f-q" label={t("filters.search")} error={errors.q} className="sm:col-span-2">
          {(a) => <input {...a} name="q" type="search" defaultValue={filters.q ?? ""} className={CONTROL} />}
        </Filter>
        <Filter id="f-state" label={t("filters.reviewState")} error={errors.reviewState}>
          {(a) => (
            <select {...a} name="reviewState" defaultValue={filters.reviewState ?? ""} className={CONTROL}>
              <option value="">{t("filters.any")}</option>
              {REVIEW_STATES.map((s) => (
                <option key={s} value={s}>
                  {common(`reviewStates.${s}`)}
                </option>
              ))}
              <option value={CHANGES_REQUESTED}>{t("filters.changesRequested")}</option>
              <option value="unreviewed,in-review">{t("filters.notYetApproved")}</option>
            </select>
          )}
        </Filter>
        <Filter id="f-verdict" label={t("filters.verdict")} error={errors.verdict}>
          {(a) => (
            <select {...a} name="verdict" defaultValue={filters.verdict ?? ""} className={CONTROL}>
              <option value="">{t("filters.any")}</option>
              <option value="none">{t("verdict.none")}</option>
              {VERDICTS.map((v) => (
                <option key={v} value={v}>
                  {labels[v]}
                </option>
              ))}
            </select>
          )}
        </Filter>
        <Filter id="f-assignee" label={t("filters.assignee")} error={errors.assignee}>
          {(a) => (
            <select {...a} name="assignee" defaultValue={filters.assignee ?? ""} className={CONTROL}>
              <option value="">{t("filters.anyone")}</option>
              <option value="me">{t("filters.me")}</option>
              <option value="none">{t("filters.nobody")}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Filter>
        <Filter id="f-sort" label={t("filters.sort")} error={errors.sort}>
          {(a) => (
            <select {...a} name="sort" defaultValue={filters.sort ?? "updated"} className={CONTROL}>
              <option value="updated">{t("filters.sortUpdated")}</option>
              <option value="created">{t("filters.sortCreated")}</option>
              <option value="statement">{t("filters.sortStatement")}</option>
            </select>
          )}
        </Filter>
        <Filter id="f-tag" label={t("filters.tag")} error={errors.tag}>
          {(a) => (
            <>
              <input {...a} name="tag" list="f-tag-options" autoComplete="off" defaultValue={filters.tag ?? ""} className={CONTROL} />
              <datalist id="f-tag-options">
                {tags.map((t) => (
                  <option key={t} value={t} />
                ))}
              </datalist>
            </>
          )}
        </Filter>
        <Filter id="f-claimant" label={t("filters.claimant")} error={errors.claimant}>
          {(a) => <input {...a} name="claimant" defaultValue={filters.claimant ?? ""} className={CONTROL} />}
        </Filter>
        <Filter id="f-sources" label={t("filters.sources")} error={errors.hasSources}>
          {(a) => (
            <select {...a} name="hasSources" defaultValue={filters.hasSources ?? ""} className={CONTROL}>
              <option value="">{t("filters.any")}</option>
              <option value="true">{t("filters.hasSources")}</option>
              <option value="false">{t("filters.noSources")}</option>
            </select>
          )}
        </Filter>
        <div className="flex items-end gap-2 sm:col-span-3 lg:col-span-3">
          <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t("filters.apply")}
          </button>
          <a href={`/w/${slug}/claims`} className="rounded-md px-3 py-2 text-sm ring-1 ring-stone-300 hover:bg-stone-50">
            {t("filters.clear")}
          </a>
        </div>
      </form>
    </FiltersDisclosure>
  );
}
