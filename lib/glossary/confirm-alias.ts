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
    // As stored (the trigger of migration search_lows folds them by search_label): a name with a look-alike letter
    // of the other script («Лaвров» with a Latin a) is the name it looks like, so it can't be a second name of an
    // alias. Zero-width joiners are kept in the stored name (N14b-2: they spell Persian names) but not told apart:
    // names are one when they match alike (search_clean).
    const [{ folded, keys }] = await tx.$queryRaw<{ folded: string[]; keys: string[] }[]>`
      SELECT ARRAY(SELECT "search_label"(n) FROM unnest(${input.names}::text[]) WITH ORDINALITY AS x(n, i) ORDER BY i) AS folded,
             ARRAY(SELECT lower("search_clean"(n)) FROM unnest(${input.names}::text[]) WITH ORDINALITY AS x(n, i) ORDER BY i) AS keys`;
    const names = [...new Map(folded.map((n, i) => [keys[i], n])).values()];
    if (names.length < 2) {
      const why = said("alias_names_same", "These are one name once look-alike letters are read as what they look like: give at least two different names.");
      throw invalid(why, { names: why });
    }
    const taken = await tx.$queryRaw<{ name: string }[]>`
      SELECT "name" FROM "AliasName" WHERE "workspaceId" = ${access.workspace.id} AND lower("search_clean"("name")) = ANY (${[...new Set(keys)]}::text[])`;
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
