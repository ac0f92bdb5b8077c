import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

/** How many tags the filter suggests: the most used ones, enough for any real workspace's vocabulary. */
export const MAX_SUGGESTED_TAGS = 200;

/*
 * Both read "WorkspaceTag", the tags of the workspace's standing claims with their counts, which
 * triggers on "Claim" keep in the same transaction as every change (migration workspace_tags):
 * a handful of rows per workspace instead of every claim's tags (165-330 ms at 100k claims).
 */

/**
 * The tags used on the workspace's standing claims, most used first up to MAX_SUGGESTED_TAGS, then
 * returned in alphabetical order (case-insensitive) for the tag filter's suggestions.
 */
export async function listWorkspaceTags(access: Access): Promise<string[]> {
  assertCan(access, "workspace.view", "Only members can see this workspace's tags.");
  const rows = await db.$queryRaw<{ tag: string }[]>`
    SELECT "tag" FROM "WorkspaceTag"
     WHERE "workspaceId" = ${access.workspace.id} AND "claimCount" > 0
     ORDER BY "claimCount" DESC, lower("tag"), "tag" LIMIT ${MAX_SUGGESTED_TAGS}`;
  return rows.map((r) => r.tag).sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }) || (a < b ? -1 : 1));
}

/**
 * SQL for "the claim `c` carries any of `tags`, whatever their case": the asked tags plus every
 * spelling of them in the workspace ("Health" → also "health"), which a GIN index on tags can
 * serve with `&&`, instead of lower-casing every claim's tags. Spellings only on deleted claims
 * count too, so the Deleted view filters the same way. The claims list and exports share it.
 */
export function tagsMatchSql(workspaceId: string, tags: string[]): Prisma.Sql {
  return Prisma.sql`c."tags" && (${tags}::text[] || ARRAY(SELECT wt."tag" FROM "WorkspaceTag" wt WHERE wt."workspaceId" = ${workspaceId} AND lower(wt."tag") IN (SELECT lower(x) FROM unnest(${tags}::text[]) x)))`;
}
