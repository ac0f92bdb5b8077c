-- Article dates outside 1000-01-01 .. 9999-12-31 (UTC) were accepted before dates were
-- checked (e.g. "10000-01-01", year 0, negative years) and broke every page showing
-- them. They can't be repaired into a real date, so they are removed (the article keeps
-- everything else), and the database refuses them from now on whatever writes them.
-- schema.prisma can't express CHECK constraints; the schema engine's diff ignores them.
UPDATE "Article" SET "publishedAt" = NULL
WHERE "publishedAt" < '1000-01-01 00:00:00' OR "publishedAt" >= '10000-01-01 00:00:00';

ALTER TABLE "Article" ADD CONSTRAINT "Article_publishedAt_range"
CHECK ("publishedAt" IS NULL OR ("publishedAt" >= '1000-01-01 00:00:00' AND "publishedAt" < '10000-01-01 00:00:00'));
