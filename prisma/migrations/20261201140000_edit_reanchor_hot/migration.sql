-- Issue 11: an edit that moves 10,000 highlights must take ≤ 2 s.
--
-- Re-anchoring UPDATEs each moved highlight's start, end, status and revision. The index on
-- ("articleId", "start") held a column it changes, so every one of those updates was a new row
-- version with an entry in each of the table's four indexes (≈ 0.8 s for 10,000 at load ≈ 24 on
-- the shared 2-core machine). With no index on a column the re-anchoring changes and room left on
-- each page, they are heap-only (HOT) updates: 0.16–0.5 s for the same 10,000. Lists order an article's highlights
-- by start after finding them by "articleId" (a few thousand rows at most), so the index on
-- "articleId" alone serves them.
DROP INDEX "Annotation_articleId_start_idx";
CREATE INDEX "Annotation_articleId_idx" ON "Annotation"("articleId");
-- New pages keep 60 % of their room free: an edit moves all of a page's highlights in one
-- statement, so each needs room for a second version of every row beside the first (in a trial
-- of repeated whole-table updates, at 50 % a third still left their page; at 40 %
-- pg_stat_user_tables counted all 40,000 as HOT). The cost: the table's
-- heap is about 2.5 times as large. Existing pages are not rewritten here (that needs VACUUM
-- FULL, outside a transaction): their rows move to new pages on the first edit that moves them.
ALTER TABLE "Annotation" SET (fillfactor = 40);

-- What an edit did to the highlights, as one record on the revision it made, instead of one
-- AnnotationEvent row per highlight (10,000 inserts, each with two foreign-key checks).
ALTER TABLE "ArticleRevision" ADD COLUMN "reanchored" JSONB;
