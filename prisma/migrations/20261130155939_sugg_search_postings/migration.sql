-- CreateTable
CREATE TABLE "ClaimSearchTerm" (
    "claimId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "lexeme" TEXT NOT NULL,
    "impact" REAL NOT NULL,

    CONSTRAINT "ClaimSearchTerm_pkey" PRIMARY KEY ("claimId","lexeme")
);

-- CreateTable
CREATE TABLE "SearchLexeme" (
    "workspaceId" TEXT NOT NULL,
    "lexeme" TEXT NOT NULL,

    CONSTRAINT "SearchLexeme_pkey" PRIMARY KEY ("workspaceId","lexeme")
);

-- CreateIndex
CREATE INDEX "ClaimSearchTerm_workspaceId_lexeme_impact_claimId_idx" ON "ClaimSearchTerm"("workspaceId", "lexeme", "impact" DESC, "claimId");

-- CreateIndex
CREATE INDEX "SearchLexeme_lexeme_idx" ON "SearchLexeme" USING GIN ("lexeme" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "ClaimSearchTerm" ADD CONSTRAINT "ClaimSearchTerm_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchLexeme" ADD CONSTRAINT "SearchLexeme_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below: the engine generated everything above from schema.prisma.
-- The drift check compares tables, columns, indexes and foreign keys only, so
-- these functions and triggers do not show up as drift.

-- Why postings: the GIN index on "searchVector" answers "which claims contain
-- this word" but not "which are the best ones", so a common word (Russia,
-- NATO) made the suggestion query score every claim that has it. Postings
-- ordered by impact make the top claims for any word an index range read.

-- BM25F's term-frequency factor for each lexeme of a search document (the
-- same as impact() in lib/search/suggest-claims.ts): its positions counted
-- per field (weight letter), each normalised by the field's length against
-- its usual length (statement A 10, claimant B 3, mention quotes C 20,
-- unlabelled D 10; b = 0.75), weighted as in lib/search (statement 1.0,
-- claimant 0.4, mention quotes 0.5, D 0.1) and saturated with k1 = 1.2.
-- Fixed usual lengths: a per-workspace average would have to rewrite every
-- posting whenever it moved. Per field, so a claim's mentions add evidence
-- without diluting its statement's.
CREATE FUNCTION "claim_search_impacts"(sv tsvector) RETURNS TABLE (lexeme TEXT, impact REAL)
LANGUAGE sql IMMUTABLE AS $$
  WITH letters AS (
    SELECT e.lexeme, coalesce(array_to_string(e.weights, ''), 'D') AS w FROM unnest(sv) AS e
  ),
  counts AS (
    SELECT l.lexeme,
      length(l.w) - length(replace(l.w, 'A', '')) AS a, length(l.w) - length(replace(l.w, 'B', '')) AS b,
      length(l.w) - length(replace(l.w, 'C', '')) AS c, length(l.w) - length(replace(l.w, 'D', '')) AS d
    FROM letters l
  ),
  lengths AS (SELECT sum(a) AS la, sum(b) AS lb, sum(c) AS lc, sum(d) AS ld FROM counts),
  tf AS (
    SELECT c.lexeme,
      1.0 * c.a / (0.25 + 0.75 * n.la / 10.0) + 0.4 * c.b / (0.25 + 0.75 * n.lb / 3.0)
        + 0.5 * c.c / (0.25 + 0.75 * n.lc / 20.0) + 0.1 * c.d / (0.25 + 0.75 * n.ld / 10.0) AS x
    FROM counts c, lengths n
  )
  SELECT tf.lexeme, (tf.x * 2.2 / (tf.x + 1.2))::real FROM tf WHERE tf.x > 0
$$;

-- A claim's postings and vocabulary. Lexemes are added in sorted order, so two
-- transactions adding the same new words wait for each other instead of
-- deadlocking.
CREATE FUNCTION "claim_search_post"(claim_id TEXT, workspace_id TEXT, sv tsvector) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "ClaimSearchTerm" ("claimId", "workspaceId", "lexeme", "impact")
  SELECT claim_id, workspace_id, i.lexeme, i.impact FROM "claim_search_impacts"(sv) i;
  INSERT INTO "SearchLexeme" ("workspaceId", "lexeme")
  SELECT workspace_id, l FROM unnest(tsvector_to_array(sv)) AS l ORDER BY l
  ON CONFLICT DO NOTHING;
$$;

-- Only live claims have postings: deleted and merged claims are never
-- suggested, so they must not use up a word's top places.
CREATE FUNCTION "claim_search_postings_update_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ClaimSearchTerm" WHERE "claimId" = OLD."id";
  IF NEW."deletedAt" IS NULL AND NEW."mergedIntoId" IS NULL AND NEW."searchVector" IS NOT NULL THEN
    PERFORM "claim_search_post"(NEW."id", NEW."workspaceId", NEW."searchVector");
  END IF;
  RETURN NULL;
END
$$;

-- The searchVector is set by the BEFORE trigger of migration claim_search (and
-- by claim_search_refresh when mentions change), so the WHEN clause compares
-- the rows rather than naming columns: a column list would miss the former.
CREATE TRIGGER "Claim_searchPostings_update"
  AFTER UPDATE ON "Claim"
  FOR EACH ROW
  WHEN (OLD."searchVector" IS DISTINCT FROM NEW."searchVector"
        OR (OLD."deletedAt" IS NULL) <> (NEW."deletedAt" IS NULL)
        OR (OLD."mergedIntoId" IS NULL) <> (NEW."mergedIntoId" IS NULL))
  EXECUTE FUNCTION "claim_search_postings_update_trigger"();

-- Inserts once per statement: a bulk import or a generated benchmark workspace
-- writes its postings in one pass instead of a function call per claim.
CREATE FUNCTION "claim_search_postings_insert_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ClaimSearchTerm" ("claimId", "workspaceId", "lexeme", "impact")
  SELECT n."id", n."workspaceId", i.lexeme, i.impact
  FROM new_claims n CROSS JOIN LATERAL "claim_search_impacts"(n."searchVector") i
  WHERE n."deletedAt" IS NULL AND n."mergedIntoId" IS NULL AND n."searchVector" IS NOT NULL;
  INSERT INTO "SearchLexeme" ("workspaceId", "lexeme")
  SELECT DISTINCT n."workspaceId", l FROM new_claims n CROSS JOIN LATERAL unnest(tsvector_to_array(n."searchVector")) AS l
  WHERE n."searchVector" IS NOT NULL
  ORDER BY 1, 2
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Claim_searchPostings_insert"
  AFTER INSERT ON "Claim"
  REFERENCING NEW TABLE AS new_claims
  FOR EACH STATEMENT
  EXECUTE FUNCTION "claim_search_postings_insert_trigger"();

-- Claims that existed before this migration.
INSERT INTO "ClaimSearchTerm" ("claimId", "workspaceId", "lexeme", "impact")
SELECT c."id", c."workspaceId", i.lexeme, i.impact
FROM "Claim" c CROSS JOIN LATERAL "claim_search_impacts"(c."searchVector") i
WHERE c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL AND c."searchVector" IS NOT NULL;
INSERT INTO "SearchLexeme" ("workspaceId", "lexeme")
SELECT DISTINCT c."workspaceId", l FROM "Claim" c CROSS JOIN LATERAL unnest(tsvector_to_array(c."searchVector")) AS l
WHERE c."searchVector" IS NOT NULL;
