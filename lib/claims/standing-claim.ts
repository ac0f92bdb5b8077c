import { assertCan, can, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/**
 * For reading one part of a claim without reading the claim whole: checks the
 * claim is in the workspace, visible to this person (a deleted one only to
 * those who may restore it) and not merged into another, in one query.
 */
export async function standingClaim(access: Access, claimId: string): Promise<string> {
  assertCan(access, "workspace.view");
  const claim = await db.claim.findFirst({ where: { id: claimId, workspaceId: access.workspace.id }, select: { id: true, deletedAt: true, mergedIntoId: true } });
  if (!claim || (claim.deletedAt && !can(access.role, "claim.restore"))) throw notFound("Claim not found");
  if (claim.mergedIntoId) throw notFound("Claim not found: it was merged into another claim.");
  return claim.id;
}
