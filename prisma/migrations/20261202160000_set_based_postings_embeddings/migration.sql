-- Issue 11: the last per-row triggers on claims and highlights, per statement like the others (migration
-- set_based_claim_triggers): a claim's postings when its search document or standing changes, and the embedding
-- jobs of written statements and quotes. A statement updating many claims (the highlight triggers refresh every
-- claim a bundle import links, in one UPDATE) now rewrites their postings in three statements, not three per
-- claim. Statement triggers have no WHEN clause and no column list with transition tables, so each function
-- finds the rows that changed what it follows itself, the way annotation_claim_derived_update_trigger does: the
-- old and new rows' values together, a row whose values are the same before and after cancelling out (one hash
-- aggregate, no join of old rows to new: PL/pgSQL keeps a statement's plan for the session, and a join planned
-- for a one-row update runs quadratic on a large one).

-- Postings of updated claims: those whose document or standing (deleted, merged) changed lose their postings;
-- those of them standing with a document get them afresh. Sorted, as the insert trigger sorts, so two
-- transactions adding the same new words wait for each other instead of deadlocking.
CREATE OR REPLACE FUNCTION "claim_search_postings_update_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed TEXT[];
BEGIN
  changed := ARRAY(
    SELECT DISTINCT x."id" FROM (
      SELECT o."id", o."searchVector" AS sv, o."deletedAt" IS NULL AS live, o."mergedIntoId" IS NULL AS unmerged FROM old_rows o
      UNION ALL
      SELECT n."id", n."searchVector", n."deletedAt" IS NULL, n."mergedIntoId" IS NULL FROM new_rows n
    ) x
    GROUP BY x."id", x.sv, x.live, x.unmerged
    HAVING count(*) = 1
    ORDER BY 1);
  IF cardinality(changed) = 0 THEN
    RETURN NULL;
  END IF;
  DELETE FROM "ClaimSearchTerm" WHERE "claimId" = ANY (changed);
  INSERT INTO "ClaimSearchTerm" ("claimId", "workspaceId", "lexeme", "impact")
  SELECT n."id", n."workspaceId", i.lexeme, i.impact
  FROM new_rows n CROSS JOIN LATERAL "claim_search_impacts"(n."searchVector") i
  WHERE n."id" = ANY (changed) AND n."deletedAt" IS NULL AND n."mergedIntoId" IS NULL AND n."searchVector" IS NOT NULL;
  INSERT INTO "SearchLexeme" ("workspaceId", "lexeme")
  SELECT DISTINCT n."workspaceId", l FROM new_rows n CROSS JOIN LATERAL unnest(tsvector_to_array(n."searchVector")) AS l
  WHERE n."id" = ANY (changed) AND n."deletedAt" IS NULL AND n."mergedIntoId" IS NULL AND n."searchVector" IS NOT NULL
  ORDER BY 1, 2
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

DROP TRIGGER "Claim_searchPostings_update" ON "Claim";
CREATE TRIGGER "Claim_searchPostings_update" AFTER UPDATE ON "Claim"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_search_postings_update_trigger"();

-- Embedding jobs, one upsert a statement (still nothing but one lookup of an empty table without a model).
CREATE OR REPLACE FUNCTION "embedding_enqueue_many"(job_kind TEXT, source_ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(source_ids) > 0 AND EXISTS (SELECT 1 FROM "EmbeddingModel") THEN
    INSERT INTO "EmbeddingJob" ("kind", "sourceId")
    SELECT job_kind, s FROM unnest(source_ids) AS s ORDER BY 2
    ON CONFLICT ("kind", "sourceId") DO UPDATE SET "queuedAt" = clock_timestamp(), "dueAt" = clock_timestamp(), "attempts" = 0, "lastError" = NULL;
  END IF;
END $$;

-- A claim inserted, or its statement changed. (Ids never change, so an id whose value is not the same before and
-- after is one the per-row trigger enqueued as NEW."id".)
CREATE OR REPLACE FUNCTION "claim_embedding_insert_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "EmbeddingModel") THEN
    PERFORM "embedding_enqueue_many"('statement', ARRAY(SELECT n."id" FROM new_rows n));
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "claim_embedding_update_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "EmbeddingModel") THEN
    PERFORM "embedding_enqueue_many"('statement', ARRAY(
      SELECT DISTINCT d."id" FROM (
        SELECT x."id" FROM (SELECT o."id", o."statement" FROM old_rows o UNION ALL SELECT n."id", n."statement" FROM new_rows n) x
        GROUP BY x."id", x."statement" HAVING count(*) = 1
      ) d));
  END IF;
  RETURN NULL;
END $$;

-- A highlight inserted with a claim, or its claim, quote or deletion changed (unlinked or deleted, the worker
-- removes its vector).
CREATE OR REPLACE FUNCTION "annotation_embedding_insert_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "EmbeddingModel") THEN
    PERFORM "embedding_enqueue_many"('quote', ARRAY(SELECT n."id" FROM new_rows n WHERE n."claimId" IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "annotation_embedding_update_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "EmbeddingModel") THEN
    PERFORM "embedding_enqueue_many"('quote', ARRAY(
      SELECT DISTINCT d."id" FROM (
        SELECT x."id" FROM (
          SELECT o."id", o."claimId", o."exact", o."deletedAt" FROM old_rows o
          UNION ALL
          SELECT n."id", n."claimId", n."exact", n."deletedAt" FROM new_rows n
        ) x
        GROUP BY x."id", x."claimId", x."exact", x."deletedAt" HAVING count(*) = 1
      ) d));
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER "Claim_embedding_enqueue" ON "Claim";
DROP TRIGGER "Annotation_embedding_enqueue" ON "Annotation";
DROP FUNCTION "claim_embedding_trigger"();
DROP FUNCTION "annotation_embedding_trigger"();
CREATE TRIGGER "Claim_embedding_insert" AFTER INSERT ON "Claim"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_embedding_insert_trigger"();
CREATE TRIGGER "Claim_embedding_update" AFTER UPDATE ON "Claim"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "claim_embedding_update_trigger"();
CREATE TRIGGER "Annotation_embedding_insert" AFTER INSERT ON "Annotation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "annotation_embedding_insert_trigger"();
CREATE TRIGGER "Annotation_embedding_update" AFTER UPDATE ON "Annotation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "annotation_embedding_update_trigger"();

-- Articles' claim progress on a claim update joined the old rows to the new (migration article_claim_progress):
-- quadratic once planned for a one-row update, as above. A 5,000-claim statement edit after a one-row one spent
-- 15.6 s in it (load ~25). Now each claim's change is the sum of its new row's standing (+) and its old row's (-).
CREATE OR REPLACE FUNCTION "article_claim_progress_claim_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ArticleClaimProgress" p SET "claims" = p."claims" + d.dc, "withVerdict" = p."withVerdict" + d.dv
    FROM (
      SELECT m."articleId", sum(x.dc)::int AS dc, sum(x.dv)::int AS dv
        FROM (
          SELECT y.id, sum(y.dc) AS dc, sum(y.dv) AS dv FROM (
            SELECT n.id, (n."deletedAt" IS NULL AND n."mergedIntoId" IS NULL)::int AS dc,
                   (n."deletedAt" IS NULL AND n."mergedIntoId" IS NULL AND n.verdict IS NOT NULL)::int AS dv
              FROM new_rows n
            UNION ALL
            SELECT o.id, -((o."deletedAt" IS NULL AND o."mergedIntoId" IS NULL)::int),
                   -((o."deletedAt" IS NULL AND o."mergedIntoId" IS NULL AND o.verdict IS NOT NULL)::int)
              FROM old_rows o
          ) y
          GROUP BY y.id
        ) x
        CROSS JOIN LATERAL (SELECT DISTINCT a."articleId" FROM "Annotation" a WHERE a."claimId" = x.id AND a."deletedAt" IS NULL) m
       WHERE x.dc <> 0 OR x.dv <> 0
       GROUP BY m."articleId"
    ) d
   WHERE p."articleId" = d."articleId" AND (d.dc <> 0 OR d.dv <> 0);
  RETURN NULL;
END $$;
