import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

/** Claimant names read (the most used first); a workspace's people are far fewer. */
const CLAIMANTS_READ = 3000;
const SHOWN = 100;

export interface SuggestedAlias {
  /** Claimant names that may be one person's, most used first. */
  names: string[];
  /** Live claims with any of them as claimant. */
  claims: number;
}

/**
 * Aliases suggested from the claimants the workspace has seen: names whose
 * spellings meet once transliterated and normalised (alias_name_keys of
 * migration glossary_aliases: Сергей Лавров, Sergei Lavrov and Sergey Lavrov
 * all give "sergey lavrov"). Names already in an alias, confirmed or
 * dismissed, are not suggested again. Grouped here (union-find over shared
 * keys), as one name can have several keys.
 */
export async function suggestAliases(access: Access): Promise<SuggestedAlias[]> {
  assertCan(access, "workspace.update", "Only admins can see alias suggestions.");
  const rows = await db.$queryRaw<{ name: string; claims: number; keys: string[] }[]>(Prisma.sql`
    SELECT c."claimant" AS name, count(*)::int AS claims, "alias_name_keys"(c."claimant") AS keys
    FROM "Claim" c
    WHERE c."workspaceId" = ${access.workspace.id} AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL
      AND c."claimant" IS NOT NULL AND btrim(c."claimant") <> ''
      AND NOT EXISTS (SELECT 1 FROM "AliasName" n WHERE n."workspaceId" = c."workspaceId" AND lower(n."name") = lower(btrim(c."claimant")))
    GROUP BY c."claimant"
    ORDER BY count(*) DESC, c."claimant"
    LIMIT ${CLAIMANTS_READ}`);
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const byKey = new Map<string, number>();
  rows.forEach((row, i) => {
    for (const key of row.keys) {
      const j = byKey.get(key);
      if (j === undefined) byKey.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, { names: Map<string, string>; claims: number }>();
  rows.forEach((row, i) => {
    const g = groups.get(find(i)) ?? { names: new Map<string, string>(), claims: 0 };
    const name = row.name.trim();
    // Names differing only in case or spacing are one name, not an alias.
    if (!g.names.has(name.toLowerCase())) g.names.set(name.toLowerCase(), name);
    g.claims += row.claims;
    groups.set(find(i), g);
  });
  return [...groups.values()]
    .filter((g) => g.names.size >= 2)
    .map((g) => ({ names: [...g.names.values()], claims: g.claims }))
    .sort((a, b) => b.claims - a.claims || a.names[0].localeCompare(b.names[0]))
    .slice(0, SHOWN);
}
