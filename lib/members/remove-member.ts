import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { assertAnotherAdminRemains } from "./admin-guard";

export async function removeMember(input: { workspaceId: string; membershipId: string }) {
  await db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { id: input.membershipId, workspaceId: input.workspaceId },
      select: { id: true, role: true },
    });
    if (!member) throw notFound("Member not found");
    if (member.role === "admin") await assertAnotherAdminRemains(tx, input.workspaceId, member.id);
    await tx.membership.delete({ where: { id: member.id } });
  });
}
