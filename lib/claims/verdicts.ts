import { LOCALES, type AppLocale } from "@/lib/i18n/locales";

/**
 * Verdicts are the team's finding, independent of the review workflow. The
 * five-step scale maps to ClaimReview ratings 5…1 (higher = more true); the
 * last two carry no rating. Workspaces may rename labels; the value stored
 * and exported is always the normalised one below.
 */
export const VERDICTS = ["true", "mostly-true", "mixed", "mostly-false", "false", "unverifiable", "not-a-claim"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_RATING: Record<Verdict, number | null> = {
  true: 5,
  "mostly-true": 4,
  mixed: 3,
  "mostly-false": 2,
  false: 1,
  unverifiable: null,
  "not-a-claim": null,
};

export const DEFAULT_VERDICT_LABELS: Record<Verdict, string> = {
  true: "True",
  "mostly-true": "Mostly true",
  mixed: "Mixed",
  "mostly-false": "Mostly false",
  false: "False",
  unverifiable: "Unverifiable",
  "not-a-claim": "Not a claim",
};

export const VERDICT_DESCRIPTIONS: Record<Verdict, string> = {
  true: "Accurate, with nothing significant missing.",
  "mostly-true": "Accurate but needs clarification or added context.",
  mixed: "Partly accurate, partly not.",
  "mostly-false": "Contains some truth but leaves a false impression.",
  false: "Not accurate.",
  unverifiable: "Can't be proven or disproven with the evidence available.",
  "not-a-claim": "Opinion, prediction or otherwise not checkable.",
};

/** The longest verdict label (characters, after trimming). */
export const VERDICT_LABEL_MAX = 40;

/**
 * Whether a stored value is a usable label: non-blank text of at most VERDICT_LABEL_MAX characters,
 * counted as zod's `max` counts them when the settings are checked (code points, so an emoji is one).
 * Counting UTF-16 units here instead dropped labels the check had accepted (issue 14's tester, X43).
 */
function isVerdictLabel(label: unknown): label is string {
  if (typeof label !== "string") return false;
  const trimmed = label.trim();
  return trimmed !== "" && [...trimmed].length <= VERDICT_LABEL_MAX;
}

/** The workspace's labels over the defaults, ignoring anything that isn't a verdict or a short string. */
export function verdictLabels(custom: unknown): Record<Verdict, string> {
  const labels = { ...DEFAULT_VERDICT_LABELS };
  if (custom && typeof custom === "object") {
    for (const v of VERDICTS) {
      const label = (custom as Record<string, unknown>)[v];
      if (isVerdictLabel(label)) labels[v] = label.trim();
    }
  }
  return labels;
}

/**
 * A workspace's own verdict names per UI language, only where it renamed one:
 * `{"en": {"mostly-false": "Misleading"}, "ru": {"mostly-false": "Манипуляция"}}`.
 * What `Workspace.verdictLabels` holds and the settings API, v1 and bundles carry.
 */
export type VerdictLabelsByLocale = Partial<Record<AppLocale, Partial<Record<Verdict, string>>>>;

function ownLabels(custom: unknown): Partial<Record<Verdict, string>> {
  const out: Partial<Record<Verdict, string>> = {};
  if (!custom || typeof custom !== "object" || Array.isArray(custom)) return out;
  for (const v of VERDICTS) {
    const label = (custom as Record<string, unknown>)[v];
    if (isVerdictLabel(label)) out[v] = label.trim();
  }
  return out;
}

/**
 * The stored (or imported) labels read per language. The single-language form from before
 * labels had a language (`{"mostly-false": "Misleading"}`, old rows and old bundles) names
 * the verdict in every language, as those desks saw it until then (migration
 * verdict_labels_locale does the same to stored rows).
 */
export function labelsByLocale(stored: unknown): VerdictLabelsByLocale {
  const out: VerdictLabelsByLocale = {};
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return out;
  const record = stored as Record<string, unknown>;
  if (VERDICTS.some((v) => typeof record[v] === "string")) {
    // The built-in English names in that form are no renaming (an old settings form filled them in).
    const flat = Object.fromEntries(Object.entries(ownLabels(record)).filter(([v, label]) => label !== DEFAULT_VERDICT_LABELS[v as Verdict]));
    if (Object.keys(flat).length) for (const l of LOCALES) out[l] = { ...flat };
    return out;
  }
  for (const l of LOCALES) {
    const own = ownLabels(record[l]);
    if (Object.keys(own).length) out[l] = own;
  }
  return out;
}

/**
 * Each verdict's name for a reader of `locale`: the workspace's label in that language, else the
 * built-in name in that language (`common.verdicts`). A label the workspace wrote in another
 * language is not borrowed: it would put, say, English into a Russian page, and the built-in name
 * says the same verdict in the reader's language.
 */
export function resolveVerdictLabels(stored: unknown, locale: AppLocale, builtIn: Record<Verdict, string>): Record<Verdict, string> {
  return { ...builtIn, ...(labelsByLocale(stored)[locale] ?? {}) };
}
