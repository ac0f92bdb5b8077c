-- Matching by meaning at scale (issue 14 §3, issue 11): vectors stored as int8
-- with a scale (a quarter of float32's bytes) and filed under the lists of a
-- per-workspace inverted-file index (lib/search/embeddings/vector-index.ts)
-- instead of random-hyperplane buckets.

ALTER TABLE "ClaimEmbedding" ADD COLUMN "scale" REAL, ADD COLUMN "list" INTEGER NOT NULL DEFAULT -1;

-- Existing float32 vectors are quantised here, so no text has to be embedded
-- again: little-endian IEEE 754 decoded byte by byte, then scale = max|x| / 127.
CREATE FUNCTION "ct_quantise_float32"(b BYTEA, OUT q BYTEA, OUT s REAL) LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  n INT := length(b) / 4;
  x DOUBLE PRECISION[] := '{}';
  bits BIGINT;
  e INT;
  m BIGINT;
  v DOUBLE PRECISION;
  top DOUBLE PRECISION := 0;
  i INT;
  k INT;
BEGIN
  FOR i IN 0 .. n - 1 LOOP
    bits := get_byte(b, i * 4)::BIGINT | (get_byte(b, i * 4 + 1)::BIGINT << 8) | (get_byte(b, i * 4 + 2)::BIGINT << 16) | (get_byte(b, i * 4 + 3)::BIGINT << 24);
    e := ((bits >> 23) & 255)::INT;
    m := bits & 8388607;
    v := CASE WHEN e = 0 THEN m * 2.0 ^ (-149) ELSE (1 + m / 8388608.0) * 2.0 ^ (e - 127) END;
    IF (bits >> 31) = 1 THEN v := -v; END IF;
    x := x || v;
    top := greatest(top, abs(v));
  END LOOP;
  s := CASE WHEN top > 0 THEN top / 127 ELSE 1 END;
  q := decode(repeat('00', n), 'hex');
  FOR i IN 1 .. n LOOP
    k := greatest(-127, least(127, round(x[i] / s)::INT));
    q := set_byte(q, i - 1, CASE WHEN k < 0 THEN k + 256 ELSE k END);
  END LOOP;
END $$;

UPDATE "ClaimEmbedding" e SET "vector" = c.q, "scale" = c.s FROM (
  SELECT "kind", "sourceId", (ct_quantise_float32("vector")).* FROM "ClaimEmbedding"
) c WHERE e."kind" = c."kind" AND e."sourceId" = c."sourceId";

DROP FUNCTION "ct_quantise_float32"(BYTEA);

ALTER TABLE "ClaimEmbedding" ALTER COLUMN "scale" SET NOT NULL;

DROP INDEX "ClaimEmbedding_buckets_idx";
DROP INDEX "ClaimEmbedding_workspaceId_fingerprint_idx";
ALTER TABLE "ClaimEmbedding" DROP COLUMN "buckets";

-- A list's rows come from consecutive index pages (an index-only scan once vacuumed), not from
-- one heap page each. The vector is a trailing key rather than INCLUDEd: Prisma's schema can't say
-- INCLUDE, and the drift check must see what the schema says.
CREATE INDEX "ClaimEmbedding_workspaceId_fingerprint_list_idx" ON "ClaimEmbedding"("workspaceId", "fingerprint", "list", "claimId", "scale", "vector");

-- CreateTable
CREATE TABLE "EmbeddingIndex" (
    "workspaceId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "lists" INTEGER NOT NULL DEFAULT 0,
    "centroids" BYTEA,
    "scales" BYTEA,
    "trainedCount" INTEGER NOT NULL DEFAULT 0,
    "vectors" INTEGER NOT NULL DEFAULT 0,
    "trainedAt" TIMESTAMP(3),
    "leaseUntil" TIMESTAMP(3),

    CONSTRAINT "EmbeddingIndex_pkey" PRIMARY KEY ("workspaceId")
);

-- The centroids are read whole on every query: no compression to undo (int8 hardly compresses).
ALTER TABLE "EmbeddingIndex" ALTER COLUMN "centroids" SET STORAGE EXTERNAL;

-- AddForeignKey
ALTER TABLE "EmbeddingIndex" ADD CONSTRAINT "EmbeddingIndex_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The worker finds the workspaces with vectors to file (few rows: they are filed within seconds).
CREATE INDEX "ClaimEmbedding_pending_idx" ON "ClaimEmbedding"("fingerprint", "workspaceId") WHERE "list" = -1;
