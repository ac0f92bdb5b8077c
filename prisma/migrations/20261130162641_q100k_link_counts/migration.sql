-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "articleCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "relationCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Claim_workspaceId_articleCount_relationCount_updatedAt_idx" ON "Claim"("workspaceId", "articleCount", "relationCount", "updatedAt");

-- Hand-written below: the counts are kept by triggers, like "searchVector"
-- (migration claim_search), so they are right whatever writes mentions or
-- relations (the app, merges, article deletion cascades, the CLI, raw SQL),
-- in the same transaction as the change. The drift check doesn't see
-- functions or triggers.
CREATE FUNCTION "claim_link_counts_refresh"(claim_id TEXT) RETURNS void
LANGUAGE sql AS $$
  UPDATE "Claim" c SET
    "articleCount" = (SELECT count(DISTINCT a."articleId") FROM "Annotation" a WHERE a."claimId" = claim_id AND a."deletedAt" IS NULL),
    "relationCount" = (SELECT count(*) FROM "ClaimRelation" r WHERE r."fromId" = claim_id) + (SELECT count(*) FROM "ClaimRelation" r WHERE r."toId" = claim_id)
  WHERE c."id" = claim_id
$$;

CREATE FUNCTION "annotation_link_counts_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW."claimId" IS NOT DISTINCT FROM OLD."claimId"
     AND NEW."articleId" IS NOT DISTINCT FROM OLD."articleId"
     AND NEW."deletedAt" IS NOT DISTINCT FROM OLD."deletedAt" THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD."claimId" IS NOT NULL THEN
    PERFORM "claim_link_counts_refresh"(OLD."claimId");
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."claimId" IS NOT NULL
     AND (TG_OP = 'INSERT' OR NEW."claimId" IS DISTINCT FROM OLD."claimId") THEN
    PERFORM "claim_link_counts_refresh"(NEW."claimId");
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Annotation_linkCounts_maintain"
  AFTER INSERT OR DELETE OR UPDATE OF "claimId", "articleId", "deletedAt" ON "Annotation"
  FOR EACH ROW EXECUTE FUNCTION "annotation_link_counts_trigger"();

CREATE FUNCTION "relation_link_counts_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM "claim_link_counts_refresh"(OLD."fromId");
    PERFORM "claim_link_counts_refresh"(OLD."toId");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM "claim_link_counts_refresh"(NEW."fromId");
    PERFORM "claim_link_counts_refresh"(NEW."toId");
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ClaimRelation_linkCounts_maintain"
  AFTER INSERT OR DELETE OR UPDATE OF "fromId", "toId" ON "ClaimRelation"
  FOR EACH ROW EXECUTE FUNCTION "relation_link_counts_trigger"();

-- Claims that existed before this migration.
UPDATE "Claim" c SET
  "articleCount" = (SELECT count(DISTINCT a."articleId") FROM "Annotation" a WHERE a."claimId" = c.id AND a."deletedAt" IS NULL),
  "relationCount" = (SELECT count(*) FROM "ClaimRelation" r WHERE r."fromId" = c.id) + (SELECT count(*) FROM "ClaimRelation" r WHERE r."toId" = c.id);
