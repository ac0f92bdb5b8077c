import { assertCan, type Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes/record";
import { db } from "@/lib/db/client";
import { conflict, said } from "@/lib/errors";
import type { ConfirmAlias } from "./schemas";
import type { NameAliasView } from "./view";

/**
 * Confirms that names are one person's (or dismisses a suggestion, so it is not
 * made again). A name belongs to at most one alias: confirming names that are
 * already in one is refused, naming them.
 */
export async function confirmAlias(access: Access, input: ConfirmAlias): Promise<NameAliasView> {
  assertCan(access, "workspace.update", "Only admins can confirm aliases.");
  const status = input.status ?? "confirmed";
  return db.$transaction(async (tx) => {
    const taken = await tx.aliasName.findMany({
      where: { workspaceId: access.workspace.id, OR: input.names.map((name) => ({ name: { equals: name, mode: "insensitive" as const } })) },
      select: { name: true },
    });
    if (taken.length) {
      const names = taken.map((t) => t.name).join(", ");
      const why = said("alias_names_taken", `Already in an alias: ${names}.`, { names });
      throw conflict(why, { names: why });
    }
    const alias = await tx.nameAlias.create({
      data: { workspaceId: access.workspace.id, status, createdById: access.userId, names: { create: input.names.map((name) => ({ workspaceId: access.workspace.id, name })) } },
    });
    await recordChange(tx, { kind: "alias.changed", workspaceId: access.workspace.id, actorId: access.userId, subjectId: alias.id, data: { action: status, names: input.names } });
    return { id: alias.id, status, names: [...input.names].sort() };
  });
}
