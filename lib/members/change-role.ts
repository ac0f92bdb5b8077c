import { z } from "zod";
import { recordChange } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ROLES } from "@/lib/auth/permissions";
import { assertAnotherAdminRemains } from "./admin-guard";
import { userRef } from "./user-ref";

export const roleSchema = z.enum(ROLES, { error: "Choose a role: admin, reviewer, annotator or viewer." });
export const changeRoleSchema = z.object({ role: roleSchema });

/** `actorId`: the admin making the change, for the change feed (null: the system). */
export async function changeRole(input: { workspaceId: string; membershipId: string; role: z.infer<typeof roleSchema>; actorId?: string | null }) {
  return db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { id: input.membershipId, workspaceId: input.workspaceId },
      select: { id: true, role: true, userId: true },
    });
    if (!member) throw notFound("Member not found");
    if (member.role === "admin" && input.role !== "admin") {
      await assertAnotherAdminRemains(tx, input.workspaceId, member.id);
    }
    const updated = await tx.membership.update({ where: { id: member.id }, data: { role: input.role }, select: { id: true, role: true } });
    // Setting the role it already has changes nothing, so the feed says nothing.
    if (member.role !== input.role) {
      await recordChange(tx, {
        kind: "member.role-changed",
        workspaceId: input.workspaceId,
        actorId: input.actorId ?? null,
        subjectId: member.userId,
        data: { user: await userRef(tx, member.userId), from: member.role, to: input.role },
      });
    }
    return updated;
  });
}
