-- The per-article counter readers used to poll, bumped by hand by every writer (and missed by
-- some). Live pages follow the change feed ("Change", written in each writer's transaction), so
-- nothing reads it any more.
ALTER TABLE "Article" DROP COLUMN "annotationsVersion";
