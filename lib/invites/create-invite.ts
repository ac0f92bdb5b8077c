import { z } from "zod";
import { recordChange } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { roleSchema } from "@/lib/members/change-role";
import { INVITE_TTL_MS, hashInviteToken, newInviteToken } from "./token";

export const newInviteSchema = z.object({ role: roleSchema });

/** Returns the raw token once; it is never stored or shown again. */
export async function createInvite(input: { workspaceId: string; createdById: string; role: z.infer<typeof roleSchema> }, now = new Date()) {
  const token = newInviteToken();
  const invite = await db.$transaction(async (tx) => {
    const row = await tx.invite.create({
      data: {
        workspaceId: input.workspaceId,
        createdById: input.createdById,
        role: input.role,
        tokenHash: hashInviteToken(token),
        expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
      },
      select: { id: true, role: true, expiresAt: true },
    });
    await recordChange(tx, {
      kind: "invite.created",
      workspaceId: input.workspaceId,
      actorId: input.createdById,
      subjectId: row.id,
      data: { role: row.role, expiresAt: row.expiresAt.toISOString() },
    });
    return row;
  });
  return { ...invite, token };
}
