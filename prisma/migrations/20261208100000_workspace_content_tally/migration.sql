-- Issue 11: the export page counts what an export of the whole workspace holds, and counting every article and
-- live highlight took 305 ms at 100k claims (200k highlights), 9× the 10k figure, growing with the workspace.
-- Per workspace, its articles and the highlights an export of it holds (see workspace_content_tally_counted), kept by statement-level triggers on "Article" and
-- "Annotation" in the same transaction as the change; the unfiltered count reads this row (lib/export/export-set.ts).
-- Same pattern as WorkspaceClaimTally (migration dashboard_claim_tally).

-- CreateTable
CREATE TABLE "WorkspaceContentTally" (
    "workspaceId" TEXT NOT NULL,
    "articleCount" INTEGER NOT NULL DEFAULT 0,
    "annotationCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WorkspaceContentTally_pkey" PRIMARY KEY ("workspaceId")
);

-- AddForeignKey
ALTER TABLE "WorkspaceContentTally" ADD CONSTRAINT "WorkspaceContentTally_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-added below the generated SQL: the triggers and the backfill.

-- Adds a statement's per-workspace deltas (`deltas`: [{ws, articles, annotations}], one entry per row). Upserted in
-- workspace order, so concurrent statements lock the rows in the same order.
CREATE FUNCTION "workspace_content_tally_apply"(deltas JSONB) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "WorkspaceContentTally" AS w ("workspaceId", "articleCount", "annotationCount")
  SELECT d.ws, sum(d.articles)::int, sum(d.annotations)::int
    FROM jsonb_to_recordset(deltas) AS d(ws TEXT, articles INT, annotations INT)
   -- A workspace being deleted takes its articles and highlights (and its tally) with it.
   WHERE EXISTS (SELECT 1 FROM "Workspace" ws WHERE ws."id" = d.ws)
   GROUP BY d.ws
  HAVING sum(d.articles) <> 0 OR sum(d.annotations) <> 0
   ORDER BY d.ws
  ON CONFLICT ("workspaceId") DO UPDATE SET "articleCount" = w."articleCount" + EXCLUDED."articleCount", "annotationCount" = w."annotationCount" + EXCLUDED."annotationCount";
END $$;

CREATE FUNCTION "workspace_content_tally_article_insert_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "workspace_content_tally_apply"((SELECT coalesce(jsonb_agg(jsonb_build_object('ws', n."workspaceId", 'articles', 1, 'annotations', 0)), '[]'::jsonb) FROM new_rows n));
  RETURN NULL;
END $$;

CREATE FUNCTION "workspace_content_tally_article_delete_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "workspace_content_tally_apply"((SELECT coalesce(jsonb_agg(jsonb_build_object('ws', o."workspaceId", 'articles', -1, 'annotations', 0)), '[]'::jsonb) FROM old_rows o));
  RETURN NULL;
END $$;

-- A highlight is counted while it is live and not attached to a claim that stopped standing (deleted, merged): the
-- highlights an export of the whole workspace holds. Deleting a claim detaches its mentions and merging moves them, so
-- the second condition holds for what the app writes; it is kept here so the count agrees with the export's row
-- count whatever the data (bench/lib/dataset.ts writes deleted claims with mentions still attached). A claim that no
-- longer exists counts as standing: a claim is only hard-deleted with its workspace, or by hand, when its mentions
-- are detached by the foreign key just before.
CREATE FUNCTION "workspace_content_tally_counted"(deleted_at TIMESTAMP(3), claim_id TEXT) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT deleted_at IS NULL AND (claim_id IS NULL OR NOT EXISTS (
    SELECT 1 FROM "Claim" c WHERE c."id" = claim_id AND (c."deletedAt" IS NOT NULL OR c."mergedIntoId" IS NOT NULL)))
$$;

-- Per workspace rather than per row: a bulk insert of 200k highlights adds one small array, not 200k objects.
CREATE FUNCTION "workspace_content_tally_annotation_insert_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "workspace_content_tally_apply"((
    SELECT coalesce(jsonb_agg(jsonb_build_object('ws', ws, 'articles', 0, 'annotations', n)), '[]'::jsonb)
      FROM (SELECT "workspaceId" AS ws, count(*) AS n FROM new_rows
             WHERE "workspace_content_tally_counted"("deletedAt", "claimId") GROUP BY 1) g));
  RETURN NULL;
END $$;

CREATE FUNCTION "workspace_content_tally_annotation_delete_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "workspace_content_tally_apply"((
    SELECT coalesce(jsonb_agg(jsonb_build_object('ws', ws, 'articles', 0, 'annotations', -n)), '[]'::jsonb)
      FROM (SELECT "workspaceId" AS ws, count(*) AS n FROM old_rows
             WHERE "workspace_content_tally_counted"("deletedAt", "claimId") GROUP BY 1) g));
  RETURN NULL;
END $$;

-- Only rows deleted or restored, attached or detached (or moved to another workspace) are looked at: re-anchoring
-- 10,000 highlights in an article edit writes nothing here. The claims' standing is as before the statement (an
-- update of highlights changes no claim), so both sides read it as it is now.
CREATE FUNCTION "workspace_content_tally_annotation_update_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "workspace_content_tally_apply"((
    SELECT coalesce(jsonb_agg(jsonb_build_object('ws', ws, 'articles', 0, 'annotations', n)), '[]'::jsonb)
      FROM (
        SELECT d.ws, sum(d.n)::int AS n FROM (
          SELECT n."workspaceId" AS new_ws, CASE WHEN "workspace_content_tally_counted"(n."deletedAt", n."claimId") THEN 1 ELSE 0 END AS new_n,
                 o."workspaceId" AS old_ws, CASE WHEN "workspace_content_tally_counted"(o."deletedAt", o."claimId") THEN 1 ELSE 0 END AS old_n
            FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE o."deletedAt" IS DISTINCT FROM n."deletedAt" OR o."claimId" IS DISTINCT FROM n."claimId" OR o."workspaceId" <> n."workspaceId"
        ) changed, LATERAL (VALUES (changed.new_ws, changed.new_n), (changed.old_ws, -changed.old_n)) AS d(ws, n)
        GROUP BY d.ws
      ) g));
  RETURN NULL;
END $$;

-- A claim that stops standing (deleted, merged) takes its live highlights out of the count, and one restored brings
-- them back. Its mentions are normally detached or moved in the same transaction, which the highlights' own trigger
-- counts; either order comes out the same. A row trigger, fired (see its WHEN) only for the rare update that changes a
-- claim's standing: as a statement trigger it joined the old and new rows of every claim update (the bundle import's
-- derived-data refresh, a claim's search document), 7–13% on an update of 10,000 claims.
CREATE FUNCTION "workspace_content_tally_claim_standing_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n INT;
BEGIN
  SELECT count(*) INTO n FROM "Annotation" a WHERE a."claimId" = NEW."id" AND a."deletedAt" IS NULL;
  IF n > 0 THEN
    PERFORM "workspace_content_tally_apply"(jsonb_build_array(jsonb_build_object(
      'ws', NEW."workspaceId", 'articles', 0, 'annotations', CASE WHEN NEW."deletedAt" IS NULL AND NEW."mergedIntoId" IS NULL THEN n ELSE -n END)));
  END IF;
  RETURN NULL;
END $$;

-- Lock order. Triggers of one event fire in the order of their names, so the highlights' ones are named to fire
-- first ("a_"): a statement on highlights takes this row before the claims' rows and the articles' progress its
-- other triggers update, as the creation of a highlight does. Taken last there, a highlight's deletion (claim row, then
-- progress, then this row) and a highlight made into a claim (this row, then progress) could deadlock. The app's own
-- changes never change a highlight's count by a claim's standing (deleteClaim detaches the mentions before the
-- claim stops standing; merging moves them first), so the claims' trigger below takes it only for changes by hand.
CREATE TRIGGER "Article_contentTally_insert" AFTER INSERT ON "Article" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "workspace_content_tally_article_insert_trigger"();
CREATE TRIGGER "Article_contentTally_delete" AFTER DELETE ON "Article" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "workspace_content_tally_article_delete_trigger"();
CREATE TRIGGER "Annotation_a_contentTally_insert" AFTER INSERT ON "Annotation" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "workspace_content_tally_annotation_insert_trigger"();
CREATE TRIGGER "Annotation_a_contentTally_delete" AFTER DELETE ON "Annotation" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "workspace_content_tally_annotation_delete_trigger"();
CREATE TRIGGER "Annotation_a_contentTally_update" AFTER UPDATE ON "Annotation" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "workspace_content_tally_annotation_update_trigger"();
CREATE TRIGGER "Claim_contentTally_standing" AFTER UPDATE OF "deletedAt", "mergedIntoId" ON "Claim" FOR EACH ROW
  WHEN ((OLD."deletedAt" IS NULL AND OLD."mergedIntoId" IS NULL) IS DISTINCT FROM (NEW."deletedAt" IS NULL AND NEW."mergedIntoId" IS NULL))
  EXECUTE FUNCTION "workspace_content_tally_claim_standing_trigger"();

-- Backfill from what there is.
INSERT INTO "WorkspaceContentTally" ("workspaceId", "articleCount", "annotationCount")
SELECT w."id",
       (SELECT count(*) FROM "Article" ar WHERE ar."workspaceId" = w."id")::int,
       (SELECT count(*) FROM "Annotation" a WHERE a."workspaceId" = w."id" AND "workspace_content_tally_counted"(a."deletedAt", a."claimId"))::int
  FROM "Workspace" w;
