-- The text, trigram and tag indexes lead with the workspace (btree_gin gives GIN an operator class for
-- text), so a workspace's search reads only its own claims' entries. Over the text alone, a search read the
-- matching claims of every workspace from the table before keeping its own: with two more copies of a
-- 100k-claim workspace in the database, `exports grain` read 3,867 table pages instead of 1,295 (a
-- black-box tester's searches slowed when other workspaces were imported: session 35, M3). A query on the
-- text alone can still use these indexes. Rebuilding them takes about a minute per million claims.
CREATE EXTENSION IF NOT EXISTS "btree_gin";

DROP INDEX "Claim_claimant_idx";
DROP INDEX "Claim_searchVector_idx";
DROP INDEX "Claim_statement_idx";
DROP INDEX "Claim_tags_idx";
DROP INDEX "SearchLexeme_lexeme_idx";

-- With the short pending lists and the SearchLexeme index's fastupdate off, as before (migration gin_pending_lists).
CREATE INDEX "Claim_workspaceId_searchVector_idx" ON "Claim" USING GIN ("workspaceId" text_ops, "searchVector") WITH (gin_pending_list_limit = 256);
CREATE INDEX "Claim_workspaceId_statement_trgm_idx" ON "Claim" USING GIN ("workspaceId" text_ops, "statement" gin_trgm_ops) WITH (gin_pending_list_limit = 256);
CREATE INDEX "Claim_workspaceId_tags_idx" ON "Claim" USING GIN ("workspaceId" text_ops, "tags") WITH (gin_pending_list_limit = 256);
CREATE INDEX "Claim_workspaceId_claimant_trgm_idx" ON "Claim" USING GIN ("workspaceId" text_ops, "claimant" gin_trgm_ops) WITH (gin_pending_list_limit = 256);
CREATE INDEX "SearchLexeme_workspaceId_lexeme_trgm_idx" ON "SearchLexeme" USING GIN ("workspaceId" text_ops, "lexeme" gin_trgm_ops) WITH (fastupdate = off);
