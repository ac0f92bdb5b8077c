import { assertCan, type Access } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db/client";
import { Prisma as PrismaValues } from "@/lib/db/generated/client";
import { conflict, said } from "@/lib/errors";
import type { ClaimDetail } from "./claim-dto";
import { commitClaim, loadClaim, recordClaimChange, staleClaim } from "./claim-write";
import { claimDetail } from "./get-claim";
import { plainText } from "./rich-text";
import type { SetVerdictInput } from "./schemas";

/**
 * Proposes (or clears) the verdict and its explanation. A verdict change is a
 * `verdict` event {from, to, note}; an explanation change an `edited` event
 * with the old and new plain text. Locked while the claim is approved.
 */
export async function setVerdict(access: Access, claimId: string, input: SetVerdictInput): Promise<ClaimDetail> {
  assertCan(access, "claim.edit", "Only annotators, reviewers and admins can set a verdict.");
  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, access, claimId, input.version);
    const explanationText = input.explanation === undefined ? claim.explanationText : input.explanation ? plainText(input.explanation) : "";
    const verdictChanged = input.verdict !== claim.verdict;
    const explanationChanged =
      input.explanation !== undefined && JSON.stringify(input.explanation ?? null) !== JSON.stringify(claim.explanation ?? null);
    if (!verdictChanged && !explanationChanged) {
      if (claim.version !== input.version) throw await staleClaim(tx, claim.id, input.version);
      return claimDetail(tx, access, claimId);
    }
    if (claim.reviewState === "approved") {
      throw conflict(said("claim_approved_locked", "This claim is approved, so its verdict and explanation can't change. A reviewer has to reopen it first."), {
        verdict: said("claim_locked", "Locked while the claim is approved."),
      });
    }
    const data: Prisma.ClaimUncheckedUpdateManyInput = { verdict: input.verdict };
    if (explanationChanged) {
      data.explanation = input.explanation ? (input.explanation as unknown as Prisma.InputJsonObject) : PrismaValues.DbNull;
      data.explanationText = explanationText;
    }
    const version = await commitClaim(tx, claim, input.version, data);
    if (verdictChanged) {
      await recordClaimChange(tx, access, claim.id, "claim.verdict", { from: claim.verdict, to: input.verdict, note: input.note || null, version });
    }
    if (explanationChanged) {
      await recordClaimChange(tx, access, claim.id, "claim.edited", {
        field: "explanation",
        from: claim.explanationText,
        to: explanationText,
        ...(verdictChanged ? {} : { note: input.note || null }),
        version,
      });
    }
    return claimDetail(tx, access, claimId);
  });
}
