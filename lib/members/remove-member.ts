import { recordChange } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { assertAnotherAdminRemains } from "./admin-guard";
import { userRef } from "./user-ref";

/** `actorId`: the admin removing the member, for the change feed (null: the system). */
export async function removeMember(input: { workspaceId: string; membershipId: string; actorId?: string | null }) {
  await db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { id: input.membershipId, workspaceId: input.workspaceId },
      select: { id: true, role: true, userId: true },
    });
    if (!member) throw notFound("Member not found");
    if (member.role === "admin") await assertAnotherAdminRemains(tx, input.workspaceId, member.id);
    await tx.membership.delete({ where: { id: member.id } });
    await recordChange(tx, {
      kind: "member.removed",
      workspaceId: input.workspaceId,
      actorId: input.actorId ?? null,
      subjectId: member.userId,
      data: { user: await userRef(tx, member.userId), role: member.role },
    });
  });
}
