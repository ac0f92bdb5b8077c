-- One article per canonical address in a workspace: two simultaneous imports of the same page both got in
-- before. NULLs never conflict in a PostgreSQL unique index, so articles without a canonical address are free.

-- Existing duplicates (from that race): the oldest article keeps the canonical address; the later ones keep
-- everything else (their text, highlights, original and stored address) and lose only the canonical address,
-- which is what made them duplicates. Their stored address is filled from it when they had none.
WITH ranked AS (
  SELECT "id", row_number() OVER (PARTITION BY "workspaceId", "canonicalUrl" ORDER BY "createdAt", "id") AS n
  FROM "Article"
  WHERE "canonicalUrl" IS NOT NULL
)
UPDATE "Article" a
SET "url" = COALESCE(a."url", a."canonicalUrl"), "canonicalUrl" = NULL
FROM ranked r
WHERE a."id" = r."id" AND r.n > 1;

-- DropIndex
DROP INDEX "Article_workspaceId_canonicalUrl_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Article_workspaceId_canonicalUrl_key" ON "Article"("workspaceId", "canonicalUrl");
