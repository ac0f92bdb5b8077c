import type { Verdict } from "@/lib/claims/verdicts";

/**
 * Highlight tones: the Okabe–Ito palette, distinguishable with the common
 * colour-vision deficiencies, and never the only cue: underline style marks
 * approval, and every highlight has a text label on hover and in the panel.
 * "No verdict yet" is a neutral warm grey (darker than "unverifiable"'s, and drawn hollow in
 * swatches): green reads as "true" to most readers, and a claim nobody has judged is neither.
 */
export const VERDICT_COLOURS: Record<Verdict | "none", string> = {
  true: "#0072B2",
  "mostly-true": "#56B4E9",
  mixed: "#F0E442",
  "mostly-false": "#E69F00",
  false: "#D55E00",
  unverifiable: "#999999",
  "not-a-claim": "#CC79A7",
  none: "#78716C",
};

export interface ClaimTone {
  verdict: string | null;
  reviewState: string;
}

/** CSS classes for a highlight: its claim's verdict colour, and dashed until approved. */
export function toneClasses(claim: ClaimTone | null): string[] {
  if (!claim) return ["ct-tone-plain"];
  const verdict = claim.verdict && claim.verdict in VERDICT_COLOURS ? claim.verdict : "none";
  return [`ct-tone-${verdict}`, ...(claim.reviewState === "approved" ? [] : ["ct-pending"])];
}
