-- CreateIndex
CREATE INDEX "Claim_workspaceId_createdAt_id_idx" ON "Claim"("workspaceId", "createdAt", "id");
