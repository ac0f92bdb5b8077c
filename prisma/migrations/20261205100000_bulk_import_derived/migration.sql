-- Issue 11: a bundle import paid for claims' derived data twice and per statement: each inserted claim built its
-- search document (~5 ms a claim, search_piece over statement and claimant), then linking its highlights built it
-- again with their quotes, and every link statement recounted each touched article's claim progress whole. At
-- 100k claims that was ~16 min of claim inserts and ~40 min of link updates, in one transaction.
-- Now a transaction that sets claimtrail.bulk = 'on' (SET LOCAL, so it ends with the transaction; only the
-- bundle import sets it) skips that work here, and must call "bulk_derived_refresh" before it commits: the same
-- refresh functions the triggers call, once, over every claim and article it touched. The result is the same
-- rows (lib/bundle-import/bulk-derived.test.ts compares an import done both ways).
-- Skipped: a claim's search document on insert (left NULL: with no document its insert posts no search terms),
-- the highlights' claim documents, link counts and article progress on insert and update, and relations' link
-- counts on insert. Everything else (tallies, tags, embeddings queue, the feed) still runs per statement.

CREATE OR REPLACE FUNCTION "bulk_derived_deferred"() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('claimtrail.bulk', true), '') = 'on'
$$;

-- The bulk transaction's one refresh. The claims' documents and counts (whose update posts their search terms,
-- per statement), then the articles' progress, which counts standing claims and so comes after.
CREATE OR REPLACE FUNCTION "bulk_derived_refresh"(claim_ids TEXT[], article_ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claim_derived_refresh"(ARRAY(SELECT DISTINCT u FROM unnest(claim_ids) AS u ORDER BY 1));
  PERFORM "article_claim_progress_refresh"(ARRAY(SELECT DISTINCT u FROM unnest(article_ids) AS u ORDER BY 1));
END $$;

CREATE OR REPLACE FUNCTION "claim_search_vector_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND "bulk_derived_deferred"() THEN
    RETURN NEW;
  END IF;
  NEW."searchVector" := "claim_search_document"(NEW."id", NEW."statement", NEW."claimant", NEW."language");
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION "annotation_claim_derived_insert_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF "bulk_derived_deferred"() THEN
    RETURN NULL;
  END IF;
  PERFORM "claim_derived_refresh"(ARRAY(SELECT DISTINCT n."claimId" FROM new_rows n WHERE n."claimId" IS NOT NULL ORDER BY 1));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "annotation_claim_derived_update_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF "bulk_derived_deferred"() THEN
    RETURN NULL;
  END IF;
  PERFORM "claim_derived_refresh"(ARRAY(
    SELECT DISTINCT d."claimId" FROM (
      SELECT x."claimId" FROM (
        SELECT o."id", o."claimId", o."exact", o."articleId", o."deletedAt" FROM old_rows o WHERE o."claimId" IS NOT NULL
        UNION ALL
        SELECT n."id", n."claimId", n."exact", n."articleId", n."deletedAt" FROM new_rows n WHERE n."claimId" IS NOT NULL
      ) x
      GROUP BY x."id", x."claimId", x."exact", x."articleId", x."deletedAt"
      HAVING count(*) = 1
    ) d
    ORDER BY 1));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "article_claim_progress_annotation_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF "bulk_derived_deferred"() THEN
    RETURN NULL;
  END IF;
  PERFORM "article_claim_progress_refresh"(ARRAY(SELECT DISTINCT n."articleId" FROM new_rows n WHERE n."claimId" IS NOT NULL AND n."deletedAt" IS NULL));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "article_claim_progress_annotation_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF "bulk_derived_deferred"() THEN
    RETURN NULL;
  END IF;
  PERFORM "article_claim_progress_refresh"(ARRAY(
    SELECT DISTINCT x.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      CROSS JOIN LATERAL (VALUES (n."articleId"), (o."articleId")) AS x(id)
     WHERE n."claimId" IS DISTINCT FROM o."claimId" OR n."articleId" <> o."articleId" OR n."deletedAt" IS DISTINCT FROM o."deletedAt"));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "relation_link_counts_insert_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF "bulk_derived_deferred"() THEN
    RETURN NULL;
  END IF;
  PERFORM "claim_link_counts_refresh_many"(ARRAY(SELECT n."fromId" FROM new_rows n UNION SELECT n."toId" FROM new_rows n ORDER BY 1));
  RETURN NULL;
END $$;
