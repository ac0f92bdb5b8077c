-- CreateTable
CREATE TABLE "EmbeddingModel" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "dimension" INTEGER NOT NULL,
    "activatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmbeddingModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimEmbedding" (
    "kind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "textHash" TEXT NOT NULL,
    "vector" BYTEA NOT NULL,
    "buckets" TEXT[],
    "embeddedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimEmbedding_pkey" PRIMARY KEY ("kind","sourceId")
);

-- CreateTable
CREATE TABLE "EmbeddingJob" (
    "kind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "EmbeddingJob_pkey" PRIMARY KEY ("kind","sourceId")
);

-- CreateIndex
CREATE INDEX "ClaimEmbedding_claimId_idx" ON "ClaimEmbedding"("claimId");

-- CreateIndex
CREATE INDEX "ClaimEmbedding_workspaceId_fingerprint_idx" ON "ClaimEmbedding"("workspaceId", "fingerprint");

-- CreateIndex
CREATE INDEX "ClaimEmbedding_buckets_idx" ON "ClaimEmbedding" USING GIN ("buckets");

-- CreateIndex
CREATE INDEX "EmbeddingJob_dueAt_idx" ON "EmbeddingJob"("dueAt");

-- AddForeignKey
ALTER TABLE "ClaimEmbedding" ADD CONSTRAINT "ClaimEmbedding_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Matching by meaning (lib/search/embeddings): a written statement or mention
-- quote is queued for the embeddings worker, in the writing transaction, so
-- every write path (the app, the API, imports, merges) is covered. Only while
-- a model is active (an "EmbeddingModel" row): without one a write pays one
-- lookup of an empty table.
CREATE FUNCTION "embedding_enqueue"(job_kind TEXT, source_id TEXT) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "EmbeddingModel") THEN
    INSERT INTO "EmbeddingJob" ("kind", "sourceId") VALUES (job_kind, source_id)
    ON CONFLICT ("kind", "sourceId") DO UPDATE SET "queuedAt" = clock_timestamp(), "dueAt" = clock_timestamp(), "attempts" = 0, "lastError" = NULL;
  END IF;
END $$;

CREATE FUNCTION "claim_embedding_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW."statement" IS DISTINCT FROM OLD."statement" THEN
    PERFORM "embedding_enqueue"('statement', NEW."id");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Claim_embedding_enqueue" AFTER INSERT OR UPDATE OF "statement" ON "Claim"
FOR EACH ROW EXECUTE FUNCTION "claim_embedding_trigger"();

-- A quote is (re-)embedded when it is linked to a claim, moved to another, or
-- changes; unlinked or deleted, the worker removes its vector.
CREATE FUNCTION "annotation_embedding_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'INSERT' AND NEW."claimId" IS NOT NULL)
    OR (TG_OP = 'UPDATE' AND (NEW."claimId" IS DISTINCT FROM OLD."claimId" OR NEW."exact" IS DISTINCT FROM OLD."exact"
      OR NEW."deletedAt" IS DISTINCT FROM OLD."deletedAt")) THEN
    PERFORM "embedding_enqueue"('quote', NEW."id");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Annotation_embedding_enqueue" AFTER INSERT OR UPDATE OF "claimId", "exact", "deletedAt" ON "Annotation"
FOR EACH ROW EXECUTE FUNCTION "annotation_embedding_trigger"();
