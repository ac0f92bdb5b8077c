import { db } from "@/lib/db/client";

/** Invites that can still be used. */
export async function listOpenInvites(workspaceId: string, now = new Date()) {
  return db.invite.findMany({
    where: { workspaceId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, createdAt: true, expiresAt: true, createdBy: { select: { name: true } } },
  });
}
