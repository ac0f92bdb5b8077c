import { assertCan, type Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes/record";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { lockGlossary } from "./check-pair";

/** Removes an alias (confirmed or dismissed): its names are matched and suggested on their own again. */
export async function deleteAlias(access: Access, aliasId: string): Promise<void> {
  assertCan(access, "workspace.update", "Only admins can edit aliases.");
  await db.$transaction(async (tx) => {
    // After another admin's change to the same alias has committed: deleted meanwhile is then a plain 404.
    await lockGlossary(tx, access.workspace.id);
    const alias = await tx.nameAlias.findFirst({ where: { id: aliasId, workspaceId: access.workspace.id }, include: { names: { select: { name: true } } } });
    if (!alias) throw notFound("Alias not found");
    await tx.nameAlias.delete({ where: { id: alias.id } });
    await recordChange(tx, { kind: "alias.changed", workspaceId: access.workspace.id, actorId: access.userId, subjectId: alias.id, data: { action: "deleted", names: alias.names.map((n) => n.name).sort() } });
  });
}
