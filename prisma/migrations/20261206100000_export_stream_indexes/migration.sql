-- Issue 11: the ClaimReview export streams its records in (createdAt, id) order as PostgreSQL makes them, each
-- claim's mentions, relations and merged claims read by index for that claim, so the app writes records while the
-- database reads the next ones (lib/export/formats/claimreview.ts). Two indexes make that cheap:
-- approved claims of a workspace in creation order (a superset of the (workspaceId, reviewState) index it
-- replaces, which served the review-state filters), and a claim's mentions with every column the export reads of
-- them, so they come from the index alone, not from the highlights' wide rows (the index replaces the one on
-- claimId alone: one index to keep up to date per highlight, as before; re-anchoring changes none of its columns).
DROP INDEX "Claim_workspaceId_reviewState_idx";
CREATE INDEX "Claim_workspaceId_reviewState_createdAt_id_idx" ON "Claim"("workspaceId", "reviewState", "createdAt", "id");
DROP INDEX "Annotation_claimId_idx";
CREATE INDEX "Annotation_claimId_cover_idx" ON "Annotation"("claimId", "createdAt", "id", "articleId", "deletedAt", "workspaceId");
