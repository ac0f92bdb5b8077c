-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "webhookAllowHosts" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "kinds" TEXT[],
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabledReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "changeId" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "lastStatusCode" INTEGER,
    "lastDurationMs" INTEGER,
    "lastError" TEXT,
    "resentFromId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Webhook_workspaceId_idx" ON "Webhook"("workspaceId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookId_createdAt_idx" ON "WebhookDelivery"("webhookId", "createdAt");

-- AddForeignKey
ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below (the drift check doesn't see functions or triggers).
-- The change feed is the audit log: nothing in it may be edited or deleted.
-- The one UPDATE allowed is the commit-time seq assignment (change_feed): a
-- null seq becoming a number with every other column unchanged. The one
-- DELETE allowed is the cascade of deleting the workspace itself (its row is
-- already gone when the cascade reaches the changes). TRUNCATE is refused.
CREATE FUNCTION "change_immutable"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD."seq" IS NULL AND NEW."seq" IS NOT NULL
       AND NEW."id" = OLD."id"
       AND NEW."workspaceId" = OLD."workspaceId"
       AND NEW."kind" = OLD."kind"
       AND NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
       AND NEW."claimId" IS NOT DISTINCT FROM OLD."claimId"
       AND NEW."articleId" IS NOT DISTINCT FROM OLD."articleId"
       AND NEW."subjectId" IS NOT DISTINCT FROM OLD."subjectId"
       AND NEW."data" = OLD."data"
       AND NEW."createdAt" = OLD."createdAt" THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'The change log is append-only: change % cannot be edited', OLD."id" USING ERRCODE = 'insufficient_privilege';
  ELSIF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM "Workspace" WHERE "id" = OLD."workspaceId") THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'The change log is append-only: change % cannot be deleted', OLD."id" USING ERRCODE = 'insufficient_privilege';
  END IF;
  RAISE EXCEPTION 'The change log is append-only: it cannot be truncated' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "change_immutable"
BEFORE UPDATE OR DELETE ON "Change"
FOR EACH ROW EXECUTE FUNCTION "change_immutable"();

CREATE TRIGGER "change_no_truncate"
BEFORE TRUNCATE ON "Change"
FOR EACH STATEMENT EXECUTE FUNCTION "change_immutable"();
