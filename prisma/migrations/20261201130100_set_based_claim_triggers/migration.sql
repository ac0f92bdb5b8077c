-- Issue 11: multi-row writes paid per row. Each inserted, linked or deleted highlight of a claim updated its claim
-- twice (search document, then link counts), each update rebuilding that claim's postings; each inserted or
-- deleted relation updated both its claims twice. A bundle of 100k claims links 200k highlights to their claims in
-- a few UPDATE statements: 400k claim updates. Now highlights are followed per statement, over the transition
-- tables: each claim a statement touched is updated once, its document and counts together. Relations likewise
-- for INSERT and DELETE (their rare UPDATE stays per row, with a WHEN clause).
-- No statement here joins old rows to new ones: PL/pgSQL keeps a trigger statement's plan for the session, and a
-- join planned for a one-row statement (a nested loop over the transition tables) is quadratic on a large one.

-- One claim update per touched claim: the search document and both link counts, as claim_search_refresh and
-- claim_link_counts_refresh computed them one claim at a time.
CREATE OR REPLACE FUNCTION "claim_derived_refresh"(claim_ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Claim" c SET
    "searchVector" = "claim_search_document"(c."id", c."statement", c."claimant", c."language"),
    "articleCount" = (SELECT count(DISTINCT a."articleId") FROM "Annotation" a WHERE a."claimId" = c."id" AND a."deletedAt" IS NULL),
    "relationCount" = (SELECT count(*) FROM "ClaimRelation" r WHERE r."fromId" = c."id") + (SELECT count(*) FROM "ClaimRelation" r WHERE r."toId" = c."id")
  WHERE c."id" = ANY (claim_ids)
$$;

-- Link counts only (relations don't change search documents).
CREATE OR REPLACE FUNCTION "claim_link_counts_refresh_many"(claim_ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Claim" c SET
    "articleCount" = (SELECT count(DISTINCT a."articleId") FROM "Annotation" a WHERE a."claimId" = c."id" AND a."deletedAt" IS NULL),
    "relationCount" = (SELECT count(*) FROM "ClaimRelation" r WHERE r."fromId" = c."id") + (SELECT count(*) FROM "ClaimRelation" r WHERE r."toId" = c."id")
  WHERE c."id" = ANY (claim_ids)
$$;

-- Highlights, per statement. Sorted ids: two statements touching the same claims lock them in the same order.
CREATE OR REPLACE FUNCTION "annotation_claim_derived_insert_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claim_derived_refresh"(ARRAY(SELECT DISTINCT n."claimId" FROM new_rows n WHERE n."claimId" IS NOT NULL ORDER BY 1));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "annotation_claim_derived_delete_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claim_derived_refresh"(ARRAY(SELECT DISTINCT o."claimId" FROM old_rows o WHERE o."claimId" IS NOT NULL ORDER BY 1));
  RETURN NULL;
END $$;

-- An update: the claims, before and after, of the rows whose claim, quote, article or deletion changed (what the
-- two per-row triggers looked at): a row in the old and new tables together once, not twice. One hash aggregate,
-- no join; rows with no claim before or after are left out first (most of an article's highlights, re-anchored).
-- Updates of other columns only (re-anchoring's offsets) find no such row and update no claim.
CREATE OR REPLACE FUNCTION "annotation_claim_derived_update_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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

DROP TRIGGER "Annotation_claimSearch_maintain" ON "Annotation";
DROP TRIGGER "Annotation_linkCounts_maintain" ON "Annotation";
DROP FUNCTION "annotation_claim_search_trigger"();
DROP FUNCTION "annotation_link_counts_trigger"();
CREATE TRIGGER "Annotation_claimDerived_insert" AFTER INSERT ON "Annotation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "annotation_claim_derived_insert_trigger"();
CREATE TRIGGER "Annotation_claimDerived_update" AFTER UPDATE ON "Annotation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "annotation_claim_derived_update_trigger"();
CREATE TRIGGER "Annotation_claimDerived_delete" AFTER DELETE ON "Annotation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "annotation_claim_derived_delete_trigger"();

-- Relations: inserted or deleted, per statement.
CREATE OR REPLACE FUNCTION "relation_link_counts_insert_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claim_link_counts_refresh_many"(ARRAY(SELECT n."fromId" FROM new_rows n UNION SELECT n."toId" FROM new_rows n ORDER BY 1));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "relation_link_counts_delete_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "claim_link_counts_refresh_many"(ARRAY(SELECT o."fromId" FROM old_rows o UNION SELECT o."toId" FROM old_rows o ORDER BY 1));
  RETURN NULL;
END $$;

DROP TRIGGER "ClaimRelation_linkCounts_maintain" ON "ClaimRelation";
CREATE TRIGGER "ClaimRelation_linkCounts_insert" AFTER INSERT ON "ClaimRelation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "relation_link_counts_insert_trigger"();
CREATE TRIGGER "ClaimRelation_linkCounts_delete" AFTER DELETE ON "ClaimRelation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "relation_link_counts_delete_trigger"();
CREATE TRIGGER "ClaimRelation_linkCounts_maintain" AFTER UPDATE OF "fromId", "toId" ON "ClaimRelation" FOR EACH ROW
  WHEN (OLD."fromId" IS DISTINCT FROM NEW."fromId" OR OLD."toId" IS DISTINCT FROM NEW."toId")
  EXECUTE FUNCTION "relation_link_counts_trigger"();

-- Postings of an updated claim stay per row (the WHEN clause makes most updates skip it), with the statements in
-- the function itself so PL/pgSQL plans them once per session rather than claim_search_post's on every call.
CREATE OR REPLACE FUNCTION "claim_search_postings_update_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ClaimSearchTerm" WHERE "claimId" = OLD."id";
  IF NEW."deletedAt" IS NULL AND NEW."mergedIntoId" IS NULL AND NEW."searchVector" IS NOT NULL THEN
    INSERT INTO "ClaimSearchTerm" ("claimId", "workspaceId", "lexeme", "impact")
    SELECT NEW."id", NEW."workspaceId", i.lexeme, i.impact FROM "claim_search_impacts"(NEW."searchVector") i;
    INSERT INTO "SearchLexeme" ("workspaceId", "lexeme")
    SELECT NEW."workspaceId", l FROM unnest(tsvector_to_array(NEW."searchVector")) AS l ORDER BY l
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

-- Tallies and tag counts on update: every old standing row out, every new one in; rows that didn't change cancel
-- in the sums (the apply functions drop zero sums), so the result is what the join of old and new rows gave. The
-- join was quadratic once planned for a one-row update: a 10,000-claim update after one took 384 s instead of 5.
CREATE OR REPLACE FUNCTION "workspace_claim_tally_update_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "workspace_claim_tally_apply"(
    (SELECT coalesce(jsonb_agg(jsonb_build_object('ws', n."workspaceId", 'verdict', coalesce(n.verdict, ''), 'state', n."reviewState")), '[]'::jsonb)
       FROM new_rows n WHERE n."deletedAt" IS NULL AND n."mergedIntoId" IS NULL),
    (SELECT coalesce(jsonb_agg(jsonb_build_object('ws', o."workspaceId", 'verdict', coalesce(o.verdict, ''), 'state', o."reviewState")), '[]'::jsonb)
       FROM old_rows o WHERE o."deletedAt" IS NULL AND o."mergedIntoId" IS NULL));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "workspace_tag_update_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "workspace_tag_apply"(
    (SELECT coalesce(jsonb_agg(jsonb_build_object('ws', n."workspaceId", 'tag', t.tag)), '[]'::jsonb)
       FROM new_rows n, LATERAL (SELECT DISTINCT unnest(n.tags) AS tag) t
      WHERE n."deletedAt" IS NULL AND n."mergedIntoId" IS NULL),
    (SELECT coalesce(jsonb_agg(jsonb_build_object('ws', o."workspaceId", 'tag', t.tag)), '[]'::jsonb)
       FROM old_rows o, LATERAL (SELECT DISTINCT unnest(o.tags) AS tag) t
      WHERE o."deletedAt" IS NULL AND o."mergedIntoId" IS NULL));
  RETURN NULL;
END $$;
