-- "Changes requested": set by a send-back, cleared by the next submit.
ALTER TABLE "Claim" ADD COLUMN     "changesRequestedAt" TIMESTAMP(3),
ADD COLUMN     "changesRequestedById" TEXT,
ADD COLUMN     "changesRequestedReason" TEXT;

-- "A second person must approve": workspaces from before this setting keep the rule they worked
-- under (anyone with the role may approve), so an upgrade never stops a one-reviewer desk from
-- approving; their admins turn it on in Settings. Workspaces created from now on start with it on.
ALTER TABLE "Workspace" ADD COLUMN     "requireSecondApprover" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Workspace" ALTER COLUMN "requireSecondApprover" SET DEFAULT true;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_changesRequestedById_fkey" FOREIGN KEY ("changesRequestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Claims sent back before this migration and not resubmitted since: their last review-state event
-- is the send-back (in-review → unreviewed), whose note is the reason.
UPDATE "Claim" AS c
SET "changesRequestedAt" = e."createdAt", "changesRequestedReason" = e."data"->>'note', "changesRequestedById" = e."actorId"
FROM (
  SELECT DISTINCT ON ("claimId") "claimId", "createdAt", "data", "actorId"
  FROM "ClaimEvent"
  WHERE "kind" = 'review-state'
  ORDER BY "claimId", "createdAt" DESC, "id" DESC
) AS e
WHERE e."claimId" = c."id"
  AND c."reviewState" = 'unreviewed'
  AND e."data"->>'from' = 'in-review'
  AND e."data"->>'to' = 'unreviewed';
