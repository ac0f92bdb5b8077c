import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { conflict, notFound, said } from "@/lib/errors";
import type { ClaimDetail } from "./claim-dto";
import { commitClaim, loadClaim, recordClaimChange } from "./claim-write";
import { claimDetail } from "./get-claim";

/**
 * The highlight stops being a mention (it stays a plain highlight). A claim
 * keeps at least one mention: to drop the last one, delete the claim.
 */
export async function detachMention(access: Access, claimId: string, annotationId: string, input: { version: number }): Promise<ClaimDetail> {
  assertCan(access, "claim.edit", "Only annotators, reviewers and admins can remove mentions.");
  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, access, claimId);
    const mention = await tx.annotation.findFirst({ where: { id: annotationId, claimId: claim.id }, select: { id: true, articleId: true, exact: true } });
    if (!mention) throw notFound("That highlight isn't a mention of this claim.");
    const version = await commitClaim(tx, claim, input.version);
    const others = await tx.annotation.count({ where: { claimId: claim.id, deletedAt: null, id: { not: mention.id } } });
    if (others === 0) throw conflict(said("last_mention", "A claim needs at least one mention. Add another mention first, or delete the claim."), { annotationId: said("last_mention", "The claim's last mention.") });
    await tx.annotation.update({ where: { id: mention.id }, data: { claimId: null } });
    await recordClaimChange(tx, access, claim.id, "claim.mention-removed", { annotationId: mention.id, articleId: mention.articleId, exact: mention.exact, version });
    return claimDetail(tx, access, claimId);
  });
}
