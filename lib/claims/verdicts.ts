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

/** The workspace's labels over the defaults, ignoring anything that isn't a verdict or a short string. */
export function verdictLabels(custom: unknown): Record<Verdict, string> {
  const labels = { ...DEFAULT_VERDICT_LABELS };
  if (custom && typeof custom === "object") {
    for (const v of VERDICTS) {
      const label = (custom as Record<string, unknown>)[v];
      if (typeof label === "string" && label.trim() && label.length <= 40) labels[v] = label.trim();
    }
  }
  return labels;
}
