import { db } from "@/lib/db/client";
import { hashInviteToken } from "./token";

export type InviteState = "open" | "used" | "expired" | "revoked";

/** What an invite link points at, for the page that shows it before joining. */
export async function findInvite(token: string, now = new Date()) {
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      id: true,
      role: true,
      expiresAt: true,
      usedAt: true,
      usedById: true,
      revokedAt: true,
      workspace: { select: { id: true, slug: true, name: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (!invite) return null;
  const state: InviteState = invite.revokedAt ? "revoked" : invite.usedAt ? "used" : invite.expiresAt <= now ? "expired" : "open";
  return { ...invite, state };
}
