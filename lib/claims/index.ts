/**
 * The claims domain. Every function takes the actor's `Access` (from
 * `authorize`) and re-checks its own permission, so routes, pages and the CLI
 * share one set of rules. Client components should import schemas from
 * "./schemas", types from "./claim-dto" and vocabularies directly: this index
 * pulls in the database client.
 */
export { createClaim } from "./create-claim";
export { attachMention } from "./attach-mention";
export { detachMention } from "./detach-mention";
export { updateClaim } from "./update-claim";
export { submitForReview, approveClaim, sendBack, reopenClaim, reviewClaim } from "./change-review-state";
export { setVerdict } from "./set-verdict";
export { addSource, removeSource } from "./sources";
export { editSource } from "./edit-source";
export { addRelation, removeRelation } from "./relations";
export { mergeClaims } from "./merge-claims";
export { deleteClaim, restoreClaim } from "./delete-claim";
export { addComment, editComment, deleteComment } from "./comments";
export { getClaim } from "./get-claim";
export { listClaims, parseClaimFilters } from "./list-claims";
export { bulkAssign, bulkSubmitForReview, bulkAction } from "./bulk";
export * from "./schemas";
export type * from "./claim-dto";
export { CLAIM_EVENT_KINDS } from "./claim-dto";
export { plainText, richTextSchema, type RichDoc } from "./rich-text";
