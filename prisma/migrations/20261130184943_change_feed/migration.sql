-- CreateTable
CREATE TABLE "Change" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "seq" BIGINT,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "claimId" TEXT,
    "articleId" TEXT,
    "subjectId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeCounter" (
    "workspaceId" TEXT NOT NULL,
    "seq" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ChangeCounter_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "Change_claimId_seq_idx" ON "Change"("claimId", "seq");

-- CreateIndex
CREATE INDEX "Change_articleId_seq_idx" ON "Change"("articleId", "seq");

-- CreateIndex
CREATE INDEX "Change_workspaceId_actorId_seq_idx" ON "Change"("workspaceId", "actorId", "seq");

-- CreateIndex
CREATE INDEX "Change_workspaceId_kind_seq_idx" ON "Change"("workspaceId", "kind", "seq");

-- CreateIndex
CREATE INDEX "Change_workspaceId_createdAt_idx" ON "Change"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Change_workspaceId_seq_key" ON "Change"("workspaceId", "seq");

-- AddForeignKey
ALTER TABLE "Change" ADD CONSTRAINT "Change_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below (the drift check doesn't see functions or triggers).
-- A change's seq is given at COMMIT, by a deferred constraint trigger, under
-- the workspace's ChangeCounter row lock: numbers are therefore handed out in
-- commit order, and when seq N is visible so is every seq below it, so a
-- reader that resumes "after N" never skips a change committed late. The lock
-- is held only from the trigger to the end of the commit, never while the
-- transaction does its work. The first row's trigger numbers every row the
-- transaction wrote to that workspace (rows with a null seq can only be this
-- transaction's own: other transactions' are invisible until they commit,
-- and by then numbered); the other rows' triggers find theirs done.
CREATE FUNCTION "change_assign_seq"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  pending BIGINT;
  last_seq BIGINT;
BEGIN
  IF EXISTS (SELECT 1 FROM "Change" WHERE "id" = NEW."id" AND "seq" IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  SELECT count(*) INTO pending FROM "Change" WHERE "workspaceId" = NEW."workspaceId" AND "seq" IS NULL;
  INSERT INTO "ChangeCounter" ("workspaceId", "seq") VALUES (NEW."workspaceId", pending)
  ON CONFLICT ("workspaceId") DO UPDATE SET "seq" = "ChangeCounter"."seq" + EXCLUDED."seq"
  RETURNING "seq" INTO last_seq;
  UPDATE "Change" c SET "seq" = last_seq - pending + n.rn
  FROM (
    SELECT "id", row_number() OVER (ORDER BY "id") AS rn
    FROM "Change" WHERE "workspaceId" = NEW."workspaceId" AND "seq" IS NULL
  ) n
  WHERE c."id" = n."id";
  -- Delivered at commit to listeners on other connections (a real server; the
  -- embedded one doesn't pass NOTIFY between connections, so its readers poll).
  PERFORM pg_notify('claimtrail_changes', NEW."workspaceId" || ':' || last_seq);
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "change_assign_seq"
AFTER INSERT ON "Change"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION "change_assign_seq"();
