import { assertCan, type Access } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db/client";
import { conflict, DomainError, invalid, said } from "@/lib/errors";
import type { ClaimDetail } from "./claim-dto";
import { approvalMissing, commitClaim, loadClaim, recordClaimChange, type ClaimForWrite, type Tx } from "./claim-write";
import { claimDetail } from "./get-claim";
import { REVIEW_STATE_LABELS, type ReviewState } from "./review-states";
import { richFromText } from "./rich-text";
import type { ReviewActionInput } from "./schemas";
import { selfApprovalReason } from "./self-approval";
import { requiresSecondApprover, verdictAuthors } from "./verdict-authors";

/**
 * The review workflow: unreviewed → in-review → approved. Annotators submit;
 * reviewers and admins approve, send back (with a comment) and reopen. Every
 * transition is a `review-state` event with from, to and the note.
 */
interface Transition {
  from: ReviewState;
  to: ReviewState;
  wrongState: string;
  /** The transition's name in the refusal's code (review_state_wrong). */
  action: "submit" | "approve" | "sendBack" | "reopen";
}

const SUBMIT: Transition = { from: "unreviewed", to: "in-review", wrongState: "Only an unreviewed claim can be submitted for review.", action: "submit" };
const APPROVE: Transition = { from: "in-review", to: "approved", wrongState: "Only a claim in review can be approved; submit it for review first.", action: "approve" };
const SEND_BACK: Transition = { from: "in-review", to: "unreviewed", wrongState: "Only a claim in review can be sent back.", action: "sendBack" };
const REOPEN: Transition = { from: "approved", to: "in-review", wrongState: "Only an approved claim can be reopened.", action: "reopen" };

async function transition(
  access: Access,
  claimId: string,
  t: Transition,
  input: { version: number; note?: string },
  extra?: (tx: Tx, claim: ClaimForWrite) => Promise<{ data?: Prisma.ClaimUncheckedUpdateManyInput; event?: Record<string, unknown> }>,
): Promise<ClaimDetail> {
  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, access, claimId, input.version);
    if (claim.reviewState !== t.from) {
      const state = claim.reviewState === "in-review" ? "inReview" : claim.reviewState;
      const en = `${t.wrongState} It is ${REVIEW_STATE_LABELS[claim.reviewState as ReviewState]?.toLowerCase() ?? claim.reviewState}.`;
      throw conflict(said("review_state_wrong", en, { action: t.action, state }), {}, { reviewState: claim.reviewState });
    }
    const more = (await extra?.(tx, claim)) ?? {};
    const version = await commitClaim(tx, claim, input.version, { reviewState: t.to, ...more.data });
    await recordClaimChange(tx, access, claim.id, "claim.review-state", { from: t.from, to: t.to, note: input.note || null, ...more.event, version });
    return claimDetail(tx, access, claimId);
  });
}

export async function submitForReview(access: Access, claimId: string, input: { version: number; note?: string }) {
  assertCan(access, "claim.edit", "Only annotators, reviewers and admins can submit claims for review.");
  // A new round of review: the previous send-back's request is answered (it stays in the history and the comments).
  return transition(access, claimId, SUBMIT, input, async () => ({ data: CLEAR_CHANGES_REQUESTED }));
}

/** What a submit clears: the claim no longer shows "Changes requested". */
export const CLEAR_CHANGES_REQUESTED = { changesRequestedAt: null, changesRequestedReason: null, changesRequestedById: null } satisfies Prisma.ClaimUncheckedUpdateManyInput;

/**
 * Needs a verdict, an explanation and at least one source; the 400 names each
 * one missing. With the workspace's "a second person must approve" on, the
 * verdict's authors (verdict-authors.ts) may not approve it: 403 on `approver`.
 */
export async function approveClaim(access: Access, claimId: string, input: { version: number; note?: string }) {
  assertCan(access, "claim.review", "Only reviewers and admins can approve claims.");
  return transition(access, claimId, APPROVE, input, async (tx, claim) => {
    const missing = approvalMissing(claim, await tx.source.count({ where: { claimId: claim.id } }));
    if (Object.keys(missing).length) throw invalid(`Before approval, the claim needs: ${Object.keys(missing).join(", ")}.`, missing);
    if (await requiresSecondApprover(access.workspace.id, tx)) {
      const why = selfApprovalReason(await verdictAuthors(tx, claim.id), access.userId);
      if (why) throw new DomainError(403, said("second_approver", why), { approver: said("second_approver_field", "A second person must approve this claim.") });
    }
    return { data: { approvedAt: new Date(), approvedById: access.userId } };
  });
}

/**
 * Back to unreviewed with a required comment saying what needs to change; it
 * also joins the comment thread, and the claim shows "Changes requested" with
 * it until the next submit.
 */
export async function sendBack(access: Access, claimId: string, input: { version: number; note: string }) {
  assertCan(access, "claim.review", "Only reviewers and admins can send claims back.");
  const note = input.note?.trim();
  if (!note) {
    const why = said("send_back_note", "Say what needs to change before sending it back.");
    throw invalid(why, { note: why });
  }
  return transition(access, claimId, SEND_BACK, { ...input, note }, async (tx, claim) => {
    const comment = await tx.claimComment.create({
      data: { claimId: claim.id, authorId: access.userId, body: richFromText(note) as unknown as Prisma.InputJsonObject, bodyText: note },
      select: { id: true },
    });
    return { data: { changesRequestedAt: new Date(), changesRequestedReason: note, changesRequestedById: access.userId }, event: { commentId: comment.id } };
  });
}

/** An approved claim back into review, e.g. when new evidence turns up; its verdict can then change again. */
export async function reopenClaim(access: Access, claimId: string, input: { version: number; note?: string }) {
  assertCan(access, "claim.review", "Only reviewers and admins can reopen approved claims.");
  return transition(access, claimId, REOPEN, input, async () => ({ data: { approvedAt: null, approvedById: null } }));
}

/** The review route's one entry point. */
export async function reviewClaim(access: Access, claimId: string, input: ReviewActionInput): Promise<ClaimDetail> {
  switch (input.action) {
    case "submit":
      return submitForReview(access, claimId, input);
    case "approve":
      return approveClaim(access, claimId, input);
    case "send-back":
      return sendBack(access, claimId, input);
    case "reopen":
      return reopenClaim(access, claimId, input);
  }
}
