import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

export async function revokeInvite(input: { workspaceId: string; inviteId: string }) {
  const { count } = await db.invite.updateMany({
    where: { id: input.inviteId, workspaceId: input.workspaceId, usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Invite not found or already used");
}
