import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { invalid, said } from "@/lib/errors";
import type { BulkResult } from "./claim-dto";
import { CLEAR_CHANGES_REQUESTED } from "./change-review-state";
import { bumpClaim, recordClaimChange } from "./claim-write";
import type { BulkInput } from "./schemas";

/**
 * Changes to many claims at once, in one transaction. No per-claim version:
 * each claim's own state decides, and a claim that doesn't fit is skipped
 * with the reason. Every change is an event and bumps the claim's version.
 */
async function liveClaims(access: Access, claimIds: string[]) {
  const ids = [...new Set(claimIds)];
  const rows = await db.claim.findMany({
    where: { id: { in: ids }, workspaceId: access.workspace.id },
    select: { id: true, deletedAt: true, mergedIntoId: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const skipped: BulkResult["skipped"] = [];
  const live: string[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row || row.deletedAt) skipped.push({ id, reason: "Not found." });
    else if (row.mergedIntoId) skipped.push({ id, reason: "Merged into another claim." });
    else live.push(id);
  }
  return { live, skipped };
}

export async function bulkAssign(access: Access, input: { claimIds: string[]; assigneeId: string | null }): Promise<BulkResult> {
  assertCan(access, "claim.edit", "Only annotators, reviewers and admins can assign claims.");
  const { live, skipped } = await liveClaims(access, input.claimIds);
  return db.$transaction(async (tx) => {
    const assignee = input.assigneeId
      ? await tx.membership.findUnique({
          where: { workspaceId_userId: { workspaceId: access.workspace.id, userId: input.assigneeId } },
          select: { user: { select: { id: true, name: true } } },
        })
      : null;
    if (input.assigneeId && !assignee) throw invalid(said("assignee_not_member", "Assign claims to a member of this workspace."), { assigneeId: said("assignee_not_member", "Not a member of this workspace.") });
    const updated: string[] = [];
    for (const id of live) {
      const claim = await tx.claim.findFirst({
        where: { id, deletedAt: null, mergedIntoId: null },
        select: { assignee: { select: { id: true, name: true } } },
      });
      if (!claim) {
        skipped.push({ id, reason: "Not found." });
        continue;
      }
      if ((claim.assignee?.id ?? null) === input.assigneeId) {
        skipped.push({ id, reason: input.assigneeId ? "Already assigned to them." : "Already unassigned." });
        continue;
      }
      const version = await bumpClaim(tx, id, { assigneeId: input.assigneeId });
      await recordClaimChange(tx, access, id, "claim.edited", { field: "assignee", from: claim.assignee, to: assignee?.user ?? null, bulk: true, version });
      updated.push(id);
    }
    return { updated, skipped };
  });
}

export async function bulkSubmitForReview(access: Access, input: { claimIds: string[] }): Promise<BulkResult> {
  assertCan(access, "claim.edit", "Only annotators, reviewers and admins can submit claims for review.");
  const { live, skipped } = await liveClaims(access, input.claimIds);
  return db.$transaction(async (tx) => {
    const updated: string[] = [];
    for (const id of live) {
      // Compare-and-set on the state, so a claim changed meanwhile is skipped rather than pushed through.
      const { count } = await tx.claim.updateMany({
        where: { id, reviewState: "unreviewed", deletedAt: null, mergedIntoId: null },
        data: { reviewState: "in-review", ...CLEAR_CHANGES_REQUESTED, version: { increment: 1 } },
      });
      if (count === 0) {
        const now = await tx.claim.findUnique({ where: { id }, select: { reviewState: true } });
        skipped.push({ id, reason: now?.reviewState === "in-review" ? "Already in review." : now?.reviewState === "approved" ? "Already approved." : "Not found." });
        continue;
      }
      const { version } = await tx.claim.findUniqueOrThrow({ where: { id }, select: { version: true } });
      await recordClaimChange(tx, access, id, "claim.review-state", { from: "unreviewed", to: "in-review", note: null, bulk: true, version });
      updated.push(id);
    }
    return { updated, skipped };
  });
}

/** The bulk route's one entry point. */
export async function bulkAction(access: Access, input: BulkInput): Promise<BulkResult> {
  return input.action === "assign" ? bulkAssign(access, input) : bulkSubmitForReview(access, input);
}
