-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "claimReviewUrlTemplate" TEXT;
