import { assertCan, type Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes/record";
import { db } from "@/lib/db/client";
import { conflict, invalid, said } from "@/lib/errors";
import type { ConfirmAlias } from "./schemas";
import type { NameAliasView } from "./view";
import { lockGlossary } from "./check-pair";

/**
 * Confirms that names are one person's (or dismisses a suggestion, so it is not
 * made again). A name belongs to at most one alias: confirming names that are
 * already in one is refused, naming them.
 */
export async function confirmAlias(access: Access, input: ConfirmAlias): Promise<NameAliasView> {
  assertCan(access, "workspace.update", "Only admins can confirm aliases.");
  const status = input.status ?? "confirmed";
  return db.$transaction(async (tx) => {
    // Two admins confirming aliases that share a name at the same moment: the second then sees the first's names (409).
    await lockGlossary(tx, access.workspace.id);
    // As stored (the trigger of migration name_keys folds them): a name with a look-alike letter of the other
    // script («Лaвров» with a Latin a) is the name it looks like, so it can't be a second name of an alias.
    const [{ folded }] = await tx.$queryRaw<{ folded: string[] }[]>`SELECT ARRAY(SELECT "search_clean"(n) FROM unnest(${input.names}::text[]) WITH ORDINALITY AS x(n, i) ORDER BY i) AS folded`;
    const names = [...new Map(folded.map((n) => [n.toLowerCase(), n])).values()];
    if (names.length < 2) {
      const why = said("alias_names_same", "These are one name once look-alike letters are read as what they look like: give at least two different names.");
      throw invalid(why, { names: why });
    }
    const taken = await tx.aliasName.findMany({
      where: { workspaceId: access.workspace.id, OR: names.map((name) => ({ name: { equals: name, mode: "insensitive" as const } })) },
      select: { name: true },
    });
    if (taken.length) {
      const listed = taken.map((t) => t.name).join(", ");
      const why = said("alias_names_taken", `Already in an alias: ${listed}.`, { names: listed });
      throw conflict(why, { names: why });
    }
    const alias = await tx.nameAlias.create({
      data: { workspaceId: access.workspace.id, status, createdById: access.userId, names: { create: names.map((name) => ({ workspaceId: access.workspace.id, name })) } },
    });
    await recordChange(tx, { kind: "alias.changed", workspaceId: access.workspace.id, actorId: access.userId, subjectId: alias.id, data: { action: status, names } });
    return { id: alias.id, status, names: [...names].sort() };
  });
}
