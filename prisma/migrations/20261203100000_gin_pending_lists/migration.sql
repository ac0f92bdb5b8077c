-- GIN indexes buffer new entries in a "pending list" that every search reads in full, until vacuum or an
-- insert past gin_pending_list_limit (4 MB by default) merges it into the index. The suggestions' spelling
-- lookups (`lexeme % word` on SearchLexeme, up to 8 a selection) read it each time: on the pages bench's 100k
-- claims, whose 27k workspace words were all still pending, one lookup took 229 ms instead of 0.3 ms, and the
-- planner, costing the index by its pending pages, scanned the table instead — most of a typical selection's
-- database time (bench/results, 2026-12-03). A workspace's vocabulary grows by a few words per claim, so its
-- words go straight into the index (fastupdate off) and the list is merged now.
ALTER INDEX "SearchLexeme_lexeme_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('"SearchLexeme_lexeme_idx"'::regclass);

-- Claims arrive in bursts (imports), so their text indexes keep the pending list for cheap inserts, but a
-- short one: 256 kB is read in about a millisecond by the claims list's search and claimant filter.
ALTER INDEX "Claim_statement_idx" SET (gin_pending_list_limit = 256);
ALTER INDEX "Claim_claimant_idx" SET (gin_pending_list_limit = 256);
ALTER INDEX "Claim_searchVector_idx" SET (gin_pending_list_limit = 256);
ALTER INDEX "Claim_tags_idx" SET (gin_pending_list_limit = 256);
