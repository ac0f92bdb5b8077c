/** The review workflow: unreviewed → in-review → approved, with send-back and reopen. */
export const REVIEW_STATES = ["unreviewed", "in-review", "approved"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  unreviewed: "Unreviewed",
  "in-review": "In review",
  approved: "Approved",
};

/**
 * "Changes requested" is not a fourth state: it is an unreviewed claim a
 * reviewer sent back (Claim.changesRequestedAt), until it is submitted again.
 * Lists filter on it like a state (`reviewState=changes-requested`).
 */
export const CHANGES_REQUESTED = "changes-requested";
export const CHANGES_REQUESTED_LABEL = "Changes requested";
export const REVIEW_FILTER_STATES = [...REVIEW_STATES, CHANGES_REQUESTED] as const;

export const SOURCE_KINDS = ["primary-document", "official-statement", "news-report", "dataset", "expert", "other"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  "primary-document": "Primary document",
  "official-statement": "Official statement",
  "news-report": "News report",
  dataset: "Dataset",
  expert: "Expert",
  other: "Other",
};

export const STANCES = ["supports", "refutes", "context"] as const;
export type Stance = (typeof STANCES)[number];
export const STANCE_LABELS: Record<Stance, string> = { supports: "Supports the claim", refutes: "Refutes the claim", context: "Context" };

export const RELATION_TYPES = ["supports", "contradicts", "responds-to", "related"] as const;
export type RelationType = (typeof RELATION_TYPES)[number];
/** How a relation reads from each end: "A supports B" is "B is supported by A". */
export const RELATION_WORDING: Record<RelationType, { outgoing: string; incoming: string }> = {
  supports: { outgoing: "Supports", incoming: "Supported by" },
  contradicts: { outgoing: "Contradicts", incoming: "Contradicted by" },
  "responds-to": { outgoing: "Responds to", incoming: "Responded to by" },
  related: { outgoing: "Related to", incoming: "Related to" },
};
