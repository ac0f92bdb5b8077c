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

-- BM25's term-frequency factor for each lexeme of a search document:
-- tf = its positions weighted by field as in lib/search (statement A 1.0,
-- claimant B 0.4, mention quotes C 0.5, D 0.1), saturated with k1 = 1.2 and
-- length-normalised with b = 0.75 against a fixed average length of 12 (a
-- statement's usual weighted length; a per-workspace average would have to
-- rewrite every posting whenever it moved).
CREATE FUNCTION "claim_search_impacts"(sv tsvector) RETURNS TABLE (lexeme TEXT, impact REAL)
LANGUAGE sql IMMUTABLE AS $$
  WITH terms AS (
    SELECT u.lexeme,
      1.0 * (length(u.w) - length(replace(u.w, 'A', ''))) + 0.4 * (length(u.w) - length(replace(u.w, 'B', '')))
        + 0.5 * (length(u.w) - length(replace(u.w, 'C', ''))) + 0.1 * (length(u.w) - length(replace(u.w, 'D', ''))) AS tf
    FROM (SELECT e.lexeme, coalesce(array_to_string(e.weights, ''), 'D') AS w FROM unnest(sv) AS e) u
  ),
  total AS (SELECT greatest(sum(tf), 1e-6) AS dl FROM terms)
  SELECT t.lexeme, (t.tf * 2.2 / (t.tf + 1.2 * (0.25 + 0.75 * total.dl / 12.0)))::real
  FROM terms t, total
  WHERE t.tf > 0
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
