import { recordChange } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/** `actorId`: the admin revoking it, for the change feed (null: the system). */
export async function revokeInvite(input: { workspaceId: string; inviteId: string; actorId?: string | null }) {
  await db.$transaction(async (tx) => {
    const [revoked] = await tx.invite.updateManyAndReturn({
      where: { id: input.inviteId, workspaceId: input.workspaceId, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
      select: { id: true, role: true },
    });
    if (!revoked) throw notFound("Invite not found or already used");
    await recordChange(tx, { kind: "invite.revoked", workspaceId: input.workspaceId, actorId: input.actorId ?? null, subjectId: revoked.id, data: { role: revoked.role } });
  });
}
