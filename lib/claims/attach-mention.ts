import { assertCan, type Access } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db/client";
import { highlightNotFound } from "@/lib/annotations/highlight-not-found";
import { conflict, said } from "@/lib/errors";
import { proposeFromMention } from "@/lib/glossary/propose-from-mention";
import type { ClaimDetail } from "./claim-dto";
import { commitClaim, loadClaim, recordClaimChange } from "./claim-write";
import { claimDetail } from "./get-claim";

/** One more highlight stating the claim, in any article of the workspace. A highlight is a mention of at most one claim. */
export async function attachMention(access: Access, claimId: string, input: { annotationId: string; version: number }): Promise<ClaimDetail> {
  assertCan(access, "claim.edit", "Only annotators, reviewers and admins can add mentions.");
  return db.$transaction((tx) => attachMentionIn(tx, access, claimId, input));
}

/** Inside a caller's transaction (mark-as-claim.ts makes the highlight and attaches it in one). */
export async function attachMentionIn(tx: Prisma.TransactionClient, access: Access, claimId: string, input: { annotationId: string; version: number }): Promise<ClaimDetail> {
  assertCan(access, "claim.edit", "Only annotators, reviewers and admins can add mentions.");
  const claim = await loadClaim(tx, access, claimId);
  const annotation = await tx.annotation.findFirst({
    where: { id: input.annotationId, workspaceId: access.workspace.id },
    select: { id: true, articleId: true, exact: true, claimId: true, deletedAt: true },
  });
  if (!annotation || annotation.deletedAt) throw highlightNotFound();
  if (annotation.claimId === claim.id) throw conflict(said("already_mention_this", "This highlight is already a mention of this claim."), { annotationId: said("already_mention_this", "Already a mention of this claim.") });
  if (annotation.claimId) throw conflict(said("already_mention_other", "This highlight is already a mention of another claim."), { annotationId: said("already_mention_other", "Already a mention of another claim.") }, { claimId: annotation.claimId });
  const version = await commitClaim(tx, claim, input.version);
  const { count } = await tx.annotation.updateMany({ where: { id: annotation.id, claimId: null, deletedAt: null }, data: { claimId: claim.id } });
  if (count === 0) throw conflict(said("just_mentioned", "This highlight was just made a mention of another claim."), { annotationId: said("just_mentioned", "Already a mention of a claim.") });
  await recordClaimChange(tx, access, claim.id, "claim.mention-added", { annotationId: annotation.id, articleId: annotation.articleId, exact: annotation.exact, version });
  // A Russian or Ukrainian quote of an English claim: its word pairs counted toward glossary proposals, in this transaction.
  await proposeFromMention(tx, access.workspace.id, annotation.id, claim.id);
  return claimDetail(tx, access, claimId);
}
