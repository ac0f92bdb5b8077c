import { CHANGES_REQUESTED, CHANGES_REQUESTED_LABEL, REVIEW_STATES, REVIEW_STATE_LABELS } from "@/lib/claims/review-states";
import { VERDICTS, type Verdict } from "@/lib/claims/verdicts";

const CONTROL = "block w-full rounded-md bg-white px-2.5 py-1.5 text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none";

/** Filters as a plain GET form: the server filters, and every view is a link you can share. */
export function ClaimFiltersForm({ slug, filters, labels, members }: { slug: string; filters: Record<string, string>; labels: Record<Verdict, string>; members: { id: string; name: string }[] }) {
  return (
    <form method="get" action={`/w/${slug}/claims`} className="mt-4 grid gap-3 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter claims">
      {filters.deleted === "true" ? <input type="hidden" name="deleted" value="true" /> : null}
      <div className="sm:col-span-2">
        <label htmlFor="f-q" className="text-xs font-medium text-stone-600">
          Search statements
        </label>
        <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} className={CONTROL} />
      </div>
      <div>
        <label htmlFor="f-state" className="text-xs font-medium text-stone-600">
          Review state
        </label>
        <select id="f-state" name="reviewState" defaultValue={filters.reviewState ?? ""} className={CONTROL}>
          <option value="">Any</option>
          {REVIEW_STATES.map((s) => (
            <option key={s} value={s}>
              {REVIEW_STATE_LABELS[s]}
            </option>
          ))}
          <option value={CHANGES_REQUESTED}>{CHANGES_REQUESTED_LABEL} (sent back)</option>
          <option value="unreviewed,in-review">Not yet approved</option>
        </select>
      </div>
      <div>
        <label htmlFor="f-verdict" className="text-xs font-medium text-stone-600">
          Verdict
        </label>
        <select id="f-verdict" name="verdict" defaultValue={filters.verdict ?? ""} className={CONTROL}>
          <option value="">Any</option>
          <option value="none">No verdict yet</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {labels[v]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-assignee" className="text-xs font-medium text-stone-600">
          Assignee
        </label>
        <select id="f-assignee" name="assignee" defaultValue={filters.assignee ?? ""} className={CONTROL}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="none">Nobody</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-sort" className="text-xs font-medium text-stone-600">
          Sort
        </label>
        <select id="f-sort" name="sort" defaultValue={filters.sort ?? "updated"} className={CONTROL}>
          <option value="updated">Recently changed</option>
          <option value="created">Newest</option>
          <option value="statement">Statement A–Z</option>
        </select>
      </div>
      <div>
        <label htmlFor="f-tag" className="text-xs font-medium text-stone-600">
          Tag
        </label>
        <input id="f-tag" name="tag" defaultValue={filters.tag ?? ""} className={CONTROL} />
      </div>
      <div>
        <label htmlFor="f-claimant" className="text-xs font-medium text-stone-600">
          Claimant
        </label>
        <input id="f-claimant" name="claimant" defaultValue={filters.claimant ?? ""} className={CONTROL} />
      </div>
      <div>
        <label htmlFor="f-sources" className="text-xs font-medium text-stone-600">
          Sources
        </label>
        <select id="f-sources" name="hasSources" defaultValue={filters.hasSources ?? ""} className={CONTROL}>
          <option value="">Any</option>
          <option value="true">Has sources</option>
          <option value="false">No sources</option>
        </select>
      </div>
      <div className="flex items-end gap-2 sm:col-span-3 lg:col-span-3">
        <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          Apply filters
        </button>
        <a href={`/w/${slug}/claims`} className="rounded-md px-3 py-1.5 text-sm ring-1 ring-stone-300 hover:bg-stone-50">
          Clear
        </a>
      </div>
    </form>
  );
}
