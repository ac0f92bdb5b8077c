import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { conflict, invalid, notFound, said } from "@/lib/errors";
import type { ClaimDetail } from "./claim-dto";
import { commitClaim, loadClaim, recordClaimChange } from "./claim-write";
import { claimDetail } from "./get-claim";
import type { MergeClaimsInput } from "./schemas";

const key = (fromId: string, toId: string, type: string) => `${fromId}→${toId}:${type}`;

/**
 * Merges claim `from` into `survivorId`: its mentions, sources, comments,
 * relations (re-pointed; duplicates and would-be self-relations dropped and
 * listed in the event) and tags move to the survivor. The merged claim is
 * kept, marked mergedInto/mergedAt, so its URL redirects; its events stay
 * on it, untouched, and show in the survivor's history (getClaim).
 */
export async function mergeClaims(access: Access, survivorId: string, input: MergeClaimsInput): Promise<ClaimDetail> {
  assertCan(access, "claim.merge", "Only reviewers and admins can merge claims.");
  if (input.from === survivorId) throw invalid(said("merge_self", "A claim can't be merged into itself."), { from: said("merge_self", "Choose another claim.") });
  return db.$transaction(async (tx) => {
    // Both claims locked first, in id order: two reviewers merging the same pair in opposite directions at once
    // otherwise each locked its survivor, then waited on the other's (a deadlock, answered 503 "too busy"; black-box,
    // session 32). Now the second waits, then finds its claim merged away: a 409 saying so.
    await tx.$queryRaw`SELECT id FROM "Claim" WHERE id IN (${survivorId}, ${input.from}) AND "workspaceId" = ${access.workspace.id} ORDER BY id FOR NO KEY UPDATE`;
    const survivor = await loadClaim(tx, access, survivorId, input.version);
    const merged = await tx.claim.findFirst({
      where: { id: input.from, workspaceId: access.workspace.id, deletedAt: null },
      select: { id: true, statement: true, claimant: true, reviewState: true, verdict: true, explanationText: true, tags: true, mergedIntoId: true },
    });
    if (!merged) throw notFound("The claim to merge in wasn't found.");
    if (merged.mergedIntoId) throw conflict(said("already_merged", "That claim was already merged into another one."), { from: said("already_merged", "Already merged.") }, { mergedIntoId: merged.mergedIntoId });

    const tagsAdded = merged.tags.filter((t) => !survivor.tags.includes(t));
    const version = await commitClaim(tx, survivor, input.version, { tags: [...survivor.tags, ...tagsAdded] });
    // The mentions move while both claims stand, so the export's count of highlights doesn't move (migration
    // workspace_content_tally): a merge takes no lock on the workspace's counts. A lost race below rolls it back.
    const mentions = await tx.annotation.updateMany({ where: { claimId: merged.id }, data: { claimId: survivor.id } });
    const { count: marked } = await tx.claim.updateMany({
      where: { id: merged.id, deletedAt: null, mergedIntoId: null },
      data: { mergedIntoId: survivor.id, mergedAt: new Date(), version: { increment: 1 } },
    });
    if (marked === 0) throw conflict(said("just_merged", "That claim was just merged or deleted by someone else."), { from: said("just_merged", "Just merged or deleted.") });

    const sources = await tx.source.updateMany({ where: { claimId: merged.id }, data: { claimId: survivor.id } });
    const comments = await tx.claimComment.updateMany({ where: { claimId: merged.id }, data: { claimId: survivor.id } });

    const existing = await tx.claimRelation.findMany({ where: { OR: [{ fromId: survivor.id }, { toId: survivor.id }] }, select: { fromId: true, toId: true, type: true } });
    const taken = new Set(existing.map((r) => key(r.fromId, r.toId, r.type)));
    const moving = await tx.claimRelation.findMany({ where: { OR: [{ fromId: merged.id }, { toId: merged.id }] }, orderBy: { createdAt: "asc" } });
    const dropped: { relationId: string; type: string; fromId: string; toId: string; note: string | null; reason: "self" | "duplicate" }[] = [];
    let moved = 0;
    for (const r of moving) {
      const fromId = r.fromId === merged.id ? survivor.id : r.fromId;
      const toId = r.toId === merged.id ? survivor.id : r.toId;
      const duplicate = taken.has(key(fromId, toId, r.type)) || (r.type === "related" && taken.has(key(toId, fromId, r.type)));
      if (fromId === toId || duplicate) {
        dropped.push({ relationId: r.id, type: r.type, fromId: r.fromId, toId: r.toId, note: r.note, reason: fromId === toId ? "self" : "duplicate" });
        await tx.claimRelation.delete({ where: { id: r.id } });
        continue;
      }
      await tx.claimRelation.update({ where: { id: r.id }, data: { fromId, toId } });
      taken.add(key(fromId, toId, r.type));
      moved++;
    }

    await recordClaimChange(tx, access, survivor.id, "claim.merged", {
      from: merged.id,
      fromStatement: merged.statement,
      fromClaimant: merged.claimant,
      fromReviewState: merged.reviewState,
      fromVerdict: merged.verdict,
      fromExplanation: merged.explanationText,
      mentions: mentions.count,
      sources: sources.count,
      comments: comments.count,
      relations: moved,
      relationsDropped: dropped,
      tagsAdded,
      version,
    });
    return claimDetail(tx, access, survivorId);
  });
}
