-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Claim_searchVector_idx" ON "Claim" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Claim_statement_idx" ON "Claim" USING GIN ("statement" gin_trgm_ops);

-- Hand-written below: the engine generated everything above from schema.prisma
-- (pg_trgm while the schema still declared it; schema.prisma says why it no
-- longer does).
-- "searchVector" is maintained by triggers rather than by application code, so
-- it stays right whatever writes claims or mentions (claim editing, merges,
-- article deletion cascades, the CLI, raw SQL). The drift check compares
-- tables, columns and indexes only, so these functions and triggers do not
-- show up as drift.

-- A claim's search document: its statement (weight A), claimant (B) and the
-- quotes of its live mentions (C), stemmed with the 'english' configuration.
CREATE FUNCTION "claim_search_document"(claim_id TEXT, statement TEXT, claimant TEXT) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', statement), 'A')
      || setweight(to_tsvector('english', coalesce(claimant, '')), 'B')
      || setweight(to_tsvector('english', coalesce((
           SELECT string_agg(a."exact", E'\n' ORDER BY a."createdAt", a."id")
           FROM "Annotation" a
           WHERE a."claimId" = claim_id AND a."deletedAt" IS NULL), '')), 'C')
$$;

CREATE FUNCTION "claim_search_vector_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := "claim_search_document"(NEW."id", NEW."statement", NEW."claimant");
  RETURN NEW;
END
$$;

CREATE TRIGGER "Claim_searchVector_maintain"
  BEFORE INSERT OR UPDATE OF "statement", "claimant" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "claim_search_vector_trigger"();

CREATE FUNCTION "claim_search_refresh"(claim_id TEXT) RETURNS void
LANGUAGE sql AS $$
  UPDATE "Claim" c SET "searchVector" = "claim_search_document"(c."id", c."statement", c."claimant")
  WHERE c."id" = claim_id
$$;

-- A mention added, removed, moved to another claim (merge), soft-deleted or
-- restored changes the document of the claim(s) it belongs to.
CREATE FUNCTION "annotation_claim_search_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW."claimId" IS NOT DISTINCT FROM OLD."claimId"
     AND NEW."exact" IS NOT DISTINCT FROM OLD."exact"
     AND NEW."deletedAt" IS NOT DISTINCT FROM OLD."deletedAt" THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD."claimId" IS NOT NULL THEN
    PERFORM "claim_search_refresh"(OLD."claimId");
  END IF;
  -- Same claim before and after: refreshed just above.
  IF TG_OP <> 'DELETE' AND NEW."claimId" IS NOT NULL
     AND (TG_OP = 'INSERT' OR NEW."claimId" IS DISTINCT FROM OLD."claimId") THEN
    PERFORM "claim_search_refresh"(NEW."claimId");
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Annotation_claimSearch_maintain"
  AFTER INSERT OR DELETE OR UPDATE OF "claimId", "exact", "deletedAt" ON "Annotation"
  FOR EACH ROW EXECUTE FUNCTION "annotation_claim_search_trigger"();

-- Claims that existed before this migration.
UPDATE "Claim" SET "searchVector" = "claim_search_document"("id", "statement", "claimant");
