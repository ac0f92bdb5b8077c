/**
 * Claimtrail's own vocabulary in JSON-LD exports, for what the W3C and
 * schema.org vocabularies have no term for. Terms (documented in README,
 * "Export"): Claim, page, statement, claimant, reviewState, reviewStateLabel,
 * verdict, verdictLabel, rating, article, anchorStatus, and the relations
 * supports, supportedBy, contradicts, contradictedBy, respondsTo,
 * respondedToBy, related.
 */
export const CLAIMTRAIL_NS = "https://claimtrail.org/ns#";

/** Relation types as property names, read from each end. */
export const RELATION_TERMS: Record<string, { outgoing: string; incoming: string }> = {
  supports: { outgoing: "supports", incoming: "supportedBy" },
  contradicts: { outgoing: "contradicts", incoming: "contradictedBy" },
  "responds-to": { outgoing: "respondsTo", incoming: "respondedToBy" },
  related: { outgoing: "related", incoming: "related" },
};
