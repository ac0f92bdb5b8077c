import { detectLanguage } from "@/lib/articles/import/language";
import type { ChangeData } from "@/lib/changes";
import { assertCan, type Access } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db/client";
import { conflict, invalid, said } from "@/lib/errors";
import type { ClaimDetail } from "./claim-dto";
import { commitClaim, loadClaim, recordClaimChange, staleClaim } from "./claim-write";
import { claimDetail } from "./get-claim";
import type { UpdateClaimInput } from "./schemas";

const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);
const LOCKED_NAMES: Record<string, string> = { statement: "statement", claimant: "claimant", claimDate: "claim date" };
const isoDay = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Edits the claim's own fields (statement, claimant, claim date, tags,
 * assignee) against the version it was based on. What an approval vouches
 * for is locked while approved (409 naming each field) until a reviewer
 * reopens it: the statement, the claimant and the claim date, which the
 * ClaimReview export publishes as the claim reviewed, its author and its
 * date. Tags and the assignee stay editable: they are the desk's own filing
 * and workflow, published nowhere as part of the finding. Each changed field
 * is one `edited` event with its old and new value; unchanged fields write nothing.
 */
export async function updateClaim(access: Access, claimId: string, input: UpdateClaimInput): Promise<ClaimDetail> {
  assertCan(access, "claim.edit", "Only annotators, reviewers and admins can edit claims.");
  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, access, claimId);
    const data: Prisma.ClaimUncheckedUpdateManyInput = {};
    const edits: Omit<ChangeData<"claim.edited">, "version">[] = [];

    const locked: string[] = [];
    if (input.statement !== undefined && input.statement !== claim.statement) {
      locked.push("statement");
      data.statement = input.statement;
      // The search document reads the statement in its language (null: the script decides).
      data.language = await detectLanguage(input.statement);
      edits.push({ field: "statement", from: claim.statement, to: input.statement });
    }
    if (input.claimant !== undefined && (input.claimant || null) !== claim.claimant) {
      locked.push("claimant");
      data.claimant = input.claimant || null;
      edits.push({ field: "claimant", from: claim.claimant, to: input.claimant || null });
    }
    if (input.claimDate !== undefined && isoDay(input.claimDate) !== isoDay(claim.claimDate)) {
      locked.push("claimDate");
      data.claimDate = input.claimDate;
      edits.push({ field: "claimDate", from: isoDay(claim.claimDate), to: isoDay(input.claimDate) });
    }
    // An approved claim is published (ClaimReview) with these: changing one would put the
    // approval on words nobody reviewed. Locked like the verdict until reopened; nothing is written.
    if (locked.length && claim.reviewState === "approved") {
      throw conflict(
        said("claim_approved_locked", `This claim is approved, so its ${locked.map((f) => LOCKED_NAMES[f]).join(", ")} can't change. A reviewer has to reopen it first.`),
        Object.fromEntries(locked.map((f) => [f, said("claim_locked", "Locked while the claim is approved: a reviewer has to reopen it first.")])),
      );
    }
    if (input.tags !== undefined && !sameTags(input.tags, claim.tags)) {
      data.tags = input.tags;
      edits.push({ field: "tags", from: claim.tags, to: input.tags });
    }
    if (input.assigneeId !== undefined && input.assigneeId !== claim.assigneeId) {
      const ref = async (userId: string | null) => (userId ? tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true } }) : null);
      if (input.assigneeId) {
        const member = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: access.workspace.id, userId: input.assigneeId } } });
        if (!member) throw invalid(said("assignee_not_member", "Assign the claim to a member of this workspace."), { assigneeId: said("assignee_not_member", "Not a member of this workspace.") });
      }
      data.assigneeId = input.assigneeId;
      edits.push({ field: "assignee", from: await ref(claim.assigneeId), to: await ref(input.assigneeId) });
    }

    if (!edits.length) {
      // Nothing to write, but a stale caller still learns it is stale.
      if (claim.version !== input.version) throw await staleClaim(tx, claim.id, input.version);
      return claimDetail(tx, access, claimId);
    }
    const version = await commitClaim(tx, claim, input.version, data);
    for (const edit of edits) await recordClaimChange(tx, access, claim.id, "claim.edited", { ...edit, version });
    return claimDetail(tx, access, claimId);
  });
}
