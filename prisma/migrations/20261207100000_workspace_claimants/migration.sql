-- The names a workspace's claims give as claimant (every claim: deleted and merged ones too, so the admins'
-- list of deleted claims finds theirs), with how many claims give each, kept by statement-level triggers on
-- "Claim" in the same transaction as the change. A claimant filter of one or two letters ("Xi", "ß") gives
-- the trigram index nothing to look up: PostgreSQL rechecked every claim (0.2-0.8 s at 100k claims). The
-- names are far fewer than the claims (33k for 100k), so such a filter looks for them here, then reads their
-- claims through the (workspaceId, claimant) index (lib/claims/list-claims.ts).

-- CreateTable
CREATE TABLE "WorkspaceClaimant" (
    "workspaceId" TEXT NOT NULL,
    "claimant" TEXT NOT NULL,
    "claimCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WorkspaceClaimant_pkey" PRIMARY KEY ("workspaceId","claimant")
);

-- CreateIndex
CREATE INDEX "Claim_workspaceId_claimant_idx" ON "Claim"("workspaceId", "claimant");

-- AddForeignKey
ALTER TABLE "WorkspaceClaimant" ADD CONSTRAINT "WorkspaceClaimant_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-added below the generated SQL: the triggers (as migration workspace_tags keeps tag counts).

-- Adds a statement's per-(workspace, name) deltas: +1 for each claim in `added`, -1 for each in `removed`.
-- Rows are upserted in key order so concurrent statements lock the counters in the same order (no deadlock
-- between them). A count that reaches 0 stays as a row (readers ask for "claimCount" > 0): deleting it could
-- race a concurrent insert of the same name.
CREATE FUNCTION "workspace_claimant_apply"(added JSONB, removed JSONB) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "WorkspaceClaimant" AS w ("workspaceId", "claimant", "claimCount")
  SELECT d.ws, d.name, sum(d.n)::int
    FROM (
      SELECT a.ws, a.name, 1 AS n FROM jsonb_to_recordset(added) AS a(ws TEXT, name TEXT)
      UNION ALL
      SELECT r.ws, r.name, -1 AS n FROM jsonb_to_recordset(removed) AS r(ws TEXT, name TEXT)
    ) d
   -- A workspace being deleted takes its claims (and its names) with it: nothing to count there.
   WHERE EXISTS (SELECT 1 FROM "Workspace" ws WHERE ws."id" = d.ws)
   GROUP BY d.ws, d.name
  HAVING sum(d.n) <> 0
   ORDER BY d.ws, d.name
  ON CONFLICT ("workspaceId", "claimant") DO UPDATE SET "claimCount" = w."claimCount" + EXCLUDED."claimCount";
END $$;

CREATE FUNCTION "workspace_claimant_insert_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "workspace_claimant_apply"(
    (SELECT coalesce(jsonb_agg(jsonb_build_object('ws', c."workspaceId", 'name', c.claimant)), '[]'::jsonb)
       FROM new_rows c WHERE c.claimant IS NOT NULL),
    '[]'::jsonb);
  RETURN NULL;
END $$;

CREATE FUNCTION "workspace_claimant_delete_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "workspace_claimant_apply"(
    '[]'::jsonb,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('ws', c."workspaceId", 'name', c.claimant)), '[]'::jsonb)
       FROM old_rows c WHERE c.claimant IS NOT NULL));
  RETURN NULL;
END $$;

-- Only rows whose claimant (or workspace) changed contribute, so an ordinary claim edit costs one join of
-- the statement's rows and writes nothing here.
CREATE FUNCTION "workspace_claimant_update_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "workspace_claimant_apply"(
    (SELECT coalesce(jsonb_agg(jsonb_build_object('ws', n."workspaceId", 'name', n.claimant)), '[]'::jsonb)
       FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.claimant IS NOT NULL AND (o.claimant IS DISTINCT FROM n.claimant OR o."workspaceId" <> n."workspaceId")),
    (SELECT coalesce(jsonb_agg(jsonb_build_object('ws', o."workspaceId", 'name', o.claimant)), '[]'::jsonb)
       FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE o.claimant IS NOT NULL AND (o.claimant IS DISTINCT FROM n.claimant OR o."workspaceId" <> n."workspaceId")));
  RETURN NULL;
END $$;

CREATE TRIGGER "Claim_workspaceClaimant_insert" AFTER INSERT ON "Claim" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "workspace_claimant_insert_trigger"();
CREATE TRIGGER "Claim_workspaceClaimant_delete" AFTER DELETE ON "Claim" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "workspace_claimant_delete_trigger"();
CREATE TRIGGER "Claim_workspaceClaimant_update" AFTER UPDATE ON "Claim" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "workspace_claimant_update_trigger"();

-- Backfill from the claims there are.
INSERT INTO "WorkspaceClaimant" ("workspaceId", "claimant", "claimCount")
SELECT c."workspaceId", c.claimant, count(*)::int FROM "Claim" c WHERE c.claimant IS NOT NULL GROUP BY 1, 2;
