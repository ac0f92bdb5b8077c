import { REVIEW_STATES, type ReviewState } from "@/lib/claims/review-states";

/**
 * A value as the API spells it ("in-review", "mostly-true") as a message key ("inReview",
 * "mostlyTrue"): the catalogue's keys are camelCase (messages/en/claims.json).
 */
export function messageKey(value: string): string {
  return value.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function isReviewState(value: unknown): value is ReviewState {
  return typeof value === "string" && (REVIEW_STATES as readonly string[]).includes(value);
}
