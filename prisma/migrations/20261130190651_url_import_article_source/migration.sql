-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "canonicalUrl" TEXT,
ADD COLUMN     "modifiedAt" TIMESTAMP(3),
ADD COLUMN     "originalUrl" TEXT;

-- CreateIndex
CREATE INDEX "Article_workspaceId_canonicalUrl_idx" ON "Article"("workspaceId", "canonicalUrl");

-- The same range as publishedAt (see 20261130130000_article_date_range); schema.prisma can't express it.
ALTER TABLE "Article" ADD CONSTRAINT "Article_modifiedAt_range"
CHECK ("modifiedAt" IS NULL OR ("modifiedAt" >= '1000-01-01 00:00:00' AND "modifiedAt" < '10000-01-01 00:00:00'));
