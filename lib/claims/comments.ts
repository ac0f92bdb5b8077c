import { assertCan, can, type Access } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db/client";
import { forbidden, notFound, said } from "@/lib/errors";
import type { CommentView } from "./claim-dto";
import { mentionNodes, resolveMentions } from "./comment-mentions";
import { loadClaim, recordClaimChange } from "./claim-write";
import { plainText, type RichDoc } from "./rich-text";
import type { CommentInput } from "./schemas";

/**
 * Discussion on a claim. Comments don't change the claim, so they need no
 * version; adding one is a `commented` event. Authors edit and delete their
 * own; admins may delete any. Deleting is soft.
 */
const select = { id: true, body: true, bodyText: true, createdAt: true, updatedAt: true, author: { select: { id: true, name: true } } } as const;

function toView(row: Prisma.ClaimCommentGetPayload<{ select: typeof select }>): CommentView {
  return {
    id: row.id,
    body: row.body as unknown as RichDoc,
    bodyText: row.bodyText,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    edited: row.updatedAt.getTime() - row.createdAt.getTime() > 1000,
  };
}

export async function addComment(access: Access, claimId: string, input: CommentInput): Promise<CommentView> {
  assertCan(access, "claim.comment", "Only annotators, reviewers and admins can comment.");
  return db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, access, claimId);
    const row = await tx.claimComment.create({
      data: { claimId: claim.id, authorId: access.userId, body: input.body as unknown as Prisma.InputJsonObject, bodyText: plainText(input.body) },
      select,
    });
    // Only members are @mentioned (and notified, lib/notifications); other names are reported back.
    const { mentioned, ignored } = await resolveMentions(tx, access.workspace.id, input.body);
    await recordClaimChange(tx, access, claim.id, "comment.created", { commentId: row.id, mentioned });
    return { ...toView(row), ...(ignored.length ? { mentionsIgnored: ignored } : {}) };
  });
}

async function findComment(access: Access, claimId: string, commentId: string) {
  const comment = await db.claimComment.findFirst({
    where: { id: commentId, claimId, deletedAt: null, claim: { workspaceId: access.workspace.id, deletedAt: null } },
    select: { id: true, authorId: true },
  });
  if (!comment) throw notFound("Comment not found");
  return comment;
}

/** Equal as JSON values: PostgreSQL's jsonb keeps object keys in its own order, not the editor's. */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([k, x]) => [k, canonical(x)])) : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export async function editComment(access: Access, claimId: string, commentId: string, input: CommentInput): Promise<CommentView> {
  assertCan(access, "claim.comment", "Only annotators, reviewers and admins can comment.");
  const comment = await findComment(access, claimId, commentId);
  if (comment.authorId !== access.userId) throw forbidden(said("comment_edit_own", "You can edit only your own comments."));
  // The answer is read in the write's transaction, never after its commit (see claimDetail).
  return db.$transaction(async (tx) => {
    // Saving the same text again changes nothing, so it doesn't mark the comment "edited".
    const current = await tx.claimComment.findFirst({ where: { id: comment.id, deletedAt: null }, select: { ...select, body: true } });
    if (current && sameJson(current.body, input.body)) return toView(current);
    const { count } = await tx.claimComment.updateMany({
      where: { id: comment.id, deletedAt: null },
      data: { body: input.body as unknown as Prisma.InputJsonObject, bodyText: plainText(input.body) },
    });
    if (count === 0) throw notFound("Comment not found");
    const { mentioned } = await resolveMentions(tx, access.workspace.id, input.body);
    // Only those the comment didn't mention before hear of the edit (lib/notifications).
    const old = current?.body as unknown as RichDoc | undefined;
    const before = new Set(old && Array.isArray(old.content) ? mentionNodes(old).map((n) => n.id) : []);
    const newlyMentioned = mentioned.filter((id) => !before.has(id));
    await recordClaimChange(tx, access, claimId, "comment.edited", { commentId: comment.id, mentioned, newlyMentioned });
    return toView(await tx.claimComment.findUniqueOrThrow({ where: { id: comment.id }, select }));
  });
}

export async function deleteComment(access: Access, claimId: string, commentId: string): Promise<void> {
  assertCan(access, "claim.comment", "Only annotators, reviewers and admins can comment.");
  const comment = await findComment(access, claimId, commentId);
  if (comment.authorId !== access.userId && !can(access.role, "comment.deleteAny")) throw forbidden(said("comment_delete_own", "You can delete only your own comments."));
  await db.$transaction(async (tx) => {
    const { count } = await tx.claimComment.updateMany({ where: { id: comment.id, deletedAt: null }, data: { deletedAt: new Date() } });
    // Deleting twice changes nothing the second time, so records nothing.
    if (count > 0) await recordClaimChange(tx, access, claimId, "comment.deleted", { commentId: comment.id });
  });
}
