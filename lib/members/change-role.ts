import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { ROLES } from "@/lib/auth/permissions";
import { assertAnotherAdminRemains } from "./admin-guard";

export const roleSchema = z.enum(ROLES, { error: "Choose a role: admin, reviewer, annotator or viewer." });
export const changeRoleSchema = z.object({ role: roleSchema });

export async function changeRole(input: { workspaceId: string; membershipId: string; role: z.infer<typeof roleSchema> }) {
  return db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { id: input.membershipId, workspaceId: input.workspaceId },
      select: { id: true, role: true },
    });
    if (!member) throw notFound("Member not found");
    if (member.role === "admin" && input.role !== "admin") {
      await assertAnotherAdminRemains(tx, input.workspaceId, member.id);
    }
    return tx.membership.update({ where: { id: member.id }, data: { role: input.role }, select: { id: true, role: true } });
  });
}
