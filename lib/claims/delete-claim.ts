import { CHANGE_DATA } from "@/lib/changes";
import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { ClaimDetail } from "./claim-dto";
import { bumpClaim, commitClaim, loadClaim, recordClaimChange } from "./claim-write";
import { claimDetail } from "./get-claim";

/**
 * Soft delete by reviewers and admins. Its mentions become plain highlights
 * again; their ids go into the `deleted` event so a restore can re-attach them.
 */
export async function deleteClaim(access: Access, claimId: string, input: { version: number }): Promise<{ id: string; version: number; deletedAt: string }> {
  assertCan(access, "claim.delete", "Only reviewers and admins can delete claims.");
  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, access, claimId, input.version);
    const deletedAt = new Date();
    // The mentions are detached while the claim still stands, so the export's count of highlights doesn't move
    // (migration workspace_content_tally): deleting a claim takes no lock on the workspace's counts.
    const mentions = await tx.annotation.findMany({ where: { claimId: claim.id }, select: { id: true }, orderBy: { createdAt: "asc" } });
    const mentionIds = mentions.map((m) => m.id);
    await tx.annotation.updateMany({ where: { id: { in: mentionIds }, claimId: claim.id }, data: { claimId: null } });
    const version = await commitClaim(tx, claim, input.version, { deletedAt, deletedById: access.userId });
    await recordClaimChange(tx, access, claim.id, "claim.deleted", { mentionIds, version });
    return { id: claim.id, version, deletedAt: deletedAt.toISOString() };
  });
}

/**
 * Admins restore a deleted claim. Its former mentions that still exist, are
 * not deleted and did not become a mention of another claim meanwhile are
 * re-attached; the event lists which were and which weren't.
 */
export async function restoreClaim(access: Access, claimId: string): Promise<ClaimDetail> {
  assertCan(access, "claim.restore", "Only admins can restore deleted claims.");
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({ where: { id: claimId, workspaceId: access.workspace.id, deletedAt: { not: null }, mergedIntoId: null }, select: { id: true } });
    if (!claim) throw notFound("No deleted claim with that id");
    const { count } = await tx.claim.updateMany({ where: { id: claim.id, deletedAt: { not: null } }, data: { deletedAt: null, deletedById: null } });
    if (count === 0) throw notFound("No deleted claim with that id");
    const version = await bumpClaim(tx, claim.id);
    const deleted = await tx.change.findFirst({
      where: { workspaceId: access.workspace.id, claimId: claim.id, kind: "claim.deleted" },
      orderBy: [{ seq: { sort: "desc", nulls: "first" } }, { id: "desc" }],
      select: { data: true },
    });
    const former = deleted ? CHANGE_DATA["claim.deleted"].parse(deleted.data).mentionIds : [];
    const free = await tx.annotation.findMany({
      where: { id: { in: former }, workspaceId: access.workspace.id, deletedAt: null, claimId: null },
      select: { id: true },
    });
    const reattached = free.map((a) => a.id);
    await tx.annotation.updateMany({ where: { id: { in: reattached }, claimId: null }, data: { claimId: claim.id } });
    await recordClaimChange(tx, access, claim.id, "claim.restored", {
      reattached,
      notReattached: former.filter((id) => !reattached.includes(id)),
      version,
    });
    return claimDetail(tx, access, claimId);
  });
}
