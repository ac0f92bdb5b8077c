-- DropIndex
DROP INDEX "Claim_workspaceId_updatedAt_idx";

-- DropIndex
DROP INDEX "ClaimEvent_claimId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Claim_workspaceId_updatedAt_id_idx" ON "Claim"("workspaceId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Claim_mergedIntoId_idx" ON "Claim"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Claim_workspaceId_deletedAt_idx" ON "Claim"("workspaceId", "deletedAt");

-- CreateIndex
CREATE INDEX "Claim_tags_idx" ON "Claim" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "Claim_claimant_idx" ON "Claim" USING GIN ("claimant" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ClaimEvent_claimId_createdAt_id_idx" ON "ClaimEvent"("claimId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ClaimEvent_createdAt_idx" ON "ClaimEvent"("createdAt");

-- Hand-written below: the claims list sorted by statement, a page at a time.
-- A btree over the whole statement (up to 2,000 characters, 8,000 bytes) could
-- exceed the index row limit, so the index holds its first 100 characters and
-- the list orders by (left(statement, 100), statement, id): the index gives the
-- order, an incremental sort settles the rare ties. schema.prisma can't
-- declare an expression index, and the engine's differ doesn't see one, so it
-- is no drift.
CREATE INDEX "Claim_statement_sort_idx" ON "Claim" ("workspaceId", left("statement", 100), "id");
