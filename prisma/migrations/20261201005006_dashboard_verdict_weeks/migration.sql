-- Verdicts given per week, kept by a statement-level trigger on "Change" in the same transaction as
-- each claim.verdict change. The dashboard's weekly chart read every verdict change of the workspace
-- joined to its claim (200 ms at 100k claims, growing with the workspace); it reads these rows now.
-- A verdict counts in the week it was given, whatever happens to its claim later (deleted, merged).

-- CreateTable
CREATE TABLE "WorkspaceVerdictWeek" (
    "workspaceId" TEXT NOT NULL,
    "week" DATE NOT NULL,
    "verdict" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WorkspaceVerdictWeek_pkey" PRIMARY KEY ("workspaceId","week","verdict")
);

-- AddForeignKey
ALTER TABLE "WorkspaceVerdictWeek" ADD CONSTRAINT "WorkspaceVerdictWeek_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-added below the generated SQL: the trigger and the backfill.
CREATE FUNCTION "workspace_verdict_week_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Key order, so concurrent statements lock the counters in the same order (no deadlock between them).
  INSERT INTO "WorkspaceVerdictWeek" AS w ("workspaceId", "week", "verdict", "count")
  SELECT c."workspaceId", date_trunc('week', c."createdAt")::date, c.data->>'to', count(*)::int
    FROM new_rows c
   WHERE c.kind = 'claim.verdict' AND c.data->>'to' IS NOT NULL
   GROUP BY 1, 2, 3
   ORDER BY 1, 2, 3
  ON CONFLICT ("workspaceId", "week", "verdict") DO UPDATE SET "count" = w."count" + EXCLUDED."count";
  RETURN NULL;
END $$;

CREATE TRIGGER "Change_verdictWeek_insert" AFTER INSERT ON "Change" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "workspace_verdict_week_trigger"();

INSERT INTO "WorkspaceVerdictWeek" ("workspaceId", "week", "verdict", "count")
SELECT c."workspaceId", date_trunc('week', c."createdAt")::date, c.data->>'to', count(*)::int
  FROM "Change" c
 WHERE c.kind = 'claim.verdict' AND c.data->>'to' IS NOT NULL
 GROUP BY 1, 2, 3;
