import { recordChanges } from "@/lib/changes";
import { db, type Prisma } from "@/lib/db/client";
import { userRef } from "@/lib/members/user-ref";
import { DomainError, notFound, said } from "@/lib/errors";
import { hashInviteToken } from "./token";

/**
 * Uses an open invite for `userId` inside the caller's transaction: marks it
 * used with a compare-and-set (so it works exactly once, however many people
 * race for it) and adds the membership. False when the invite is unknown,
 * used, revoked or expired; then nothing was written.
 */
export async function consumeInvite(tx: Prisma.TransactionClient, token: string, userId: string, now = new Date()): Promise<boolean> {
  const invite = await tx.invite.findUnique({ where: { tokenHash: hashInviteToken(token) }, select: { id: true, role: true, workspaceId: true, createdById: true } });
  if (!invite) return false;
  const { count } = await tx.invite.updateMany({
    where: { id: invite.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now, usedById: userId },
  });
  if (count === 0) return false;
  await tx.membership.create({ data: { workspaceId: invite.workspaceId, userId, role: invite.role } });
  const user = await userRef(tx, userId);
  const actor = { workspaceId: invite.workspaceId, actorId: userId };
  await recordChanges(tx, [
    { ...actor, kind: "invite.accepted", subjectId: invite.id, data: { role: invite.role, user, invitedById: invite.createdById } },
    { ...actor, kind: "member.joined", subjectId: userId, data: { user, role: invite.role, via: "invite" } },
  ]);
  return true;
}

/**
 * Joins the invite's workspace with its role. The invite is consumed in the
 * same transaction as the membership, so a link works exactly once even when
 * two people click it at the same moment.
 */
export async function acceptInvite(input: { token: string; userId: string }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({
      where: { tokenHash: hashInviteToken(input.token) },
      select: { id: true, role: true, workspace: { select: { id: true, slug: true, name: true } } },
    });
    if (!invite) throw notFound(said("invite_invalid", "This invite link is not valid."));
    const existing = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: invite.workspace.id, userId: input.userId } },
      select: { role: true },
    });
    if (existing) return { workspace: invite.workspace, role: existing.role, alreadyMember: true };
    if (!(await consumeInvite(tx, input.token, input.userId, now))) {
      throw new DomainError(409, said("invite_used", "This invite link has expired or was already used. Ask an admin for a new one."));
    }
    return { workspace: invite.workspace, role: invite.role, alreadyMember: false };
  });
}
