import { z } from "zod";
import { hasVisibleText } from "@/lib/validation/text";
import { REVIEW_STATES } from "@/lib/claims/review-states";
import { VERDICTS } from "@/lib/claims/verdicts";
import type { QueryRules } from "@/lib/http/pipeline";
import { isCalendarDate } from "@/lib/validation/date";

/**
 * Which part of a workspace an export holds, as the export page and the
 * export routes carry it in the query string. Client-safe: no database here.
 *
 * Query parameters: `articles=id1,id2` (absent: all articles),
 * `reviewState=unreviewed,approved`, `verdict=false,none`, `tag=a&tag=b`
 * (repeated, since tags may hold commas; any of them), `claimant=` (substring,
 * case-insensitive), `dateField=claimDate|createdAt` with `from`/`to`
 * (YYYY-MM-DD, both days included, UTC), `withVerdict=true`, and for the
 * bundle `revisions=true`.
 */
export const EXPORT_FORMATS = ["bundle", "jsonl", "csv", "w3c", "claimreview"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, { label: string; description: string }> = {
  bundle: { label: "Claimtrail bundle", description: "Everything needed to rebuild the set in another Claimtrail (JSON)." },
  jsonl: { label: "JSON Lines", description: "One claim per line with its mentions, sources and verdict." },
  csv: { label: "CSV", description: "One row per claim, for spreadsheets (UTF-8 with BOM)." },
  w3c: { label: "W3C Web Annotation", description: "One annotation per highlight that marks a claim; plain highlights are only in the bundle (JSON-LD AnnotationCollection)." },
  claimreview: { label: "schema.org ClaimReview", description: "One ClaimReview per approved claim with a verdict (JSON-LD)." },
};

/** A day as YYYY-MM-DD that exists (not 2024-02-30, which PostgreSQL refuses) in years 1–9999 (PostgreSQL has no year 0). */
const day = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isCalendarDate(s), "Use a real date like 2024-05-01 (years 1 to 9999).");

/**
 * Text a filter may hold: PostgreSQL text can't contain NUL, so no stored value
 * could match one, and sending it would fail the query mid-download; refused
 * here, before the first byte, naming the filter.
 */
const text = (max: number, min = 0) =>
  z
    .string()
    .trim()
    .min(min, { error: min === 1 ? "Give a value, or leave the filter out." : `At least ${min} characters.` })
    .max(max, { error: `At most ${max} characters.` })
    .refine((s) => !s.includes("\u0000"), { message: "Remove the NUL character (\\u0000): no stored text can hold it.", params: { code: "unstorable_text" } })
    // Only control or invisible characters (`claimant=%01%02`, a zero-width space): nothing to match, refused as a blank
    // value is, not an empty export (black-box, session 33).
    .refine((s) => min === 0 || s === "" || hasVisibleText(s), { message: "Give a value, or leave the filter out.", params: { code: "required" } });

// Its own message: "yes" was only "Invalid input" (black-box, session 32).
const flag = z.union([z.boolean(), z.enum(["true", "false", "1", "0", ""]).transform((s) => s === "true" || s === "1")], { error: "Use true or false." });

export const exportFiltersSchema = z
  .object({
    articles: z.array(text(64, 1)).max(1000, "Choose at most 1,000 articles.").optional(),
    reviewState: z.array(z.enum(REVIEW_STATES, { error: `Review states are ${REVIEW_STATES.join(", ")}.` })).optional(),
    /** "none" for claims without a verdict. */
    verdict: z.array(z.enum([...VERDICTS, "none"] as const, { error: `Verdicts are ${VERDICTS.join(", ")} or none.` })).optional(),
    tags: z.array(text(50, 1)).max(30).optional(),
    claimant: text(300, 1).optional(),
    dateField: z.enum(["claimDate", "createdAt"], { error: "Filter dates by claimDate or createdAt." }).default("claimDate"),
    from: day.optional(),
    to: day.optional(),
    withVerdict: flag.optional(),
    /** Bundle only: include every article revision. */
    revisions: flag.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The start date must not be after the end date.", path: ["to"], params: { code: "date_order" } });

export type ExportFilters = z.output<typeof exportFiltersSchema>;
export type ExportFiltersInput = z.input<typeof exportFiltersSchema>;

/** The one query parameter an export takes more than once (`tag=a&tag=b`): tags may hold commas. */
export const REPEATABLE_EXPORT_PARAMS = ["tag"] as const;

const LISTS = { articles: true, reviewState: true, verdict: true, tags: false } as const;
const PARAM_NAMES: Record<keyof typeof LISTS, string> = { articles: "articles", reviewState: "reviewState", verdict: "verdict", tags: "tag" };

/** The query parameter a filter's error path names (`verdict.0` → `verdict`, `tags` → `tag`), as a client gave it. */
export function paramOf(path: string): string {
  const key = path.replace(/\.\d+$/, "");
  return key in PARAM_NAMES ? PARAM_NAMES[key as keyof typeof LISTS] : key;
}

/** The filter a query parameter sets (`tag` → `tags`): the inverse of paramOf, for naming a parameter by its filter's label. */
export function filterOfParam(param: string): string {
  return (Object.keys(PARAM_NAMES) as (keyof typeof LISTS)[]).find((k) => PARAM_NAMES[k] === param) ?? param;
}

/**
 * Every query parameter an export and its count take: the filters', `format` and `locale`. Any
 * other is refused, naming it: a misspelt filter (`reviewstate=approved`) ignored would export
 * the whole workspace, unreviewed claims and all.
 */
export const EXPORT_QUERY_PARAMS: readonly string[] = ["format", "locale", ...Object.values(PARAM_NAMES), "claimant", "dateField", "from", "to", "withVerdict", "revisions"];

/** The cookie routes' query rules (REST v1's query schema is strict over the same names). */
export const EXPORT_QUERY: QueryRules = { repeatable: REPEATABLE_EXPORT_PARAMS, accepted: EXPORT_QUERY_PARAMS };

export const ONLY_SEPARATORS = "Holds only commas or spaces: give at least one value, or leave it out for no filter.";

/**
 * The first list parameter holding only separators (`articles=,,,`), if any: a list built from empty ids, which
 * filtersFromSearchParams would drop (an empty value means no filter) and so export everything.
 */
export function onlySeparators(params: URLSearchParams): string | null {
  for (const [key, splits] of Object.entries(LISTS) as [keyof typeof LISTS, boolean][]) {
    if (!splits) continue;
    const raw = params.getAll(PARAM_NAMES[key]);
    if (raw.some((v) => v !== "") && raw.every((v) => v.split(",").every((p) => p.trim() === ""))) return PARAM_NAMES[key];
  }
  return null;
}

/**
 * Query parameters as the schema's input: comma-separated lists split, repeated `tag`s collected, empty values
 * (`claimant=`, as a form sends an empty field) dropped. A value of only spaces or control characters (`claimant=%0D%0A`,
 * `tag=%20`) is kept for the schema to refuse, naming it, as the claims list does: dropped, it exported every claim
 * (black-box, session 32). Between a list's commas, empty items are what a trailing comma leaves, and go.
 */
export function filtersFromSearchParams(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, splits] of Object.entries(LISTS) as [keyof typeof LISTS, boolean][]) {
    const values = params
      .getAll(PARAM_NAMES[key])
      .flatMap((v) => (splits ? v.split(",").map((p) => p.trim()).filter(Boolean) : v === "" ? [] : [v]));
    if (values.length) out[key] = values;
  }
  for (const key of ["claimant", "dateField", "from", "to", "withVerdict", "revisions"]) {
    const v = params.get(key);
    if (v) out[key] = v.trim() || v;
  }
  return out;
}

/** The inverse of filtersFromSearchParams, for the export page's links. */
export function filtersToSearchParams(f: ExportFiltersInput): URLSearchParams {
  const p = new URLSearchParams();
  if (f.articles?.length) p.set("articles", f.articles.join(","));
  if (f.reviewState?.length) p.set("reviewState", f.reviewState.join(","));
  if (f.verdict?.length) p.set("verdict", f.verdict.join(","));
  for (const t of f.tags ?? []) p.append("tag", t);
  if (f.claimant?.trim()) p.set("claimant", f.claimant.trim());
  if (f.from || f.to) p.set("dateField", f.dateField ?? "claimDate");
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (f.withVerdict === true) p.set("withVerdict", "true");
  if (f.revisions === true) p.set("revisions", "true");
  return p;
}

/** True when the set is narrowed by something about claims (not just by articles). */
export function hasClaimFilters(f: ExportFilters): boolean {
  return Boolean(f.reviewState?.length || f.verdict?.length || f.tags?.length || f.claimant || f.from || f.to || f.withVerdict);
}
