import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";

/** How many tags the filter suggests: the most used ones, enough for any real workspace's vocabulary. */
export const MAX_SUGGESTED_TAGS = 200;

/**
 * The tags used on the workspace's live claims, most used first up to MAX_SUGGESTED_TAGS, then
 * returned in alphabetical order (case-insensitive) for the tag filter's suggestions.
 */
export async function listWorkspaceTags(access: Access): Promise<string[]> {
  assertCan(access, "workspace.view", "Only members can see this workspace's tags.");
  const rows = await db.$queryRawUnsafe<{ tag: string }[]>(
    `SELECT t AS tag FROM "Claim" c, unnest(c.tags) AS t
      WHERE c."workspaceId" = $1 AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL
      GROUP BY t ORDER BY count(*) DESC, lower(t), t LIMIT ${MAX_SUGGESTED_TAGS}`,
    access.workspace.id,
  );
  return rows.map((r) => r.tag).sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }) || (a < b ? -1 : 1));
}

/**
 * Every spelling of `tag` in the workspace, ignoring case ("Health" → ["health", "Health"]), plus
 * `tag` itself. The claims list filters with `tags && spellings`, which a GIN index on tags can
 * serve, instead of lower-casing every claim's tags in the list query.
 */
export async function tagSpellings(workspaceId: string, tag: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ tag: string }[]>(
    `SELECT DISTINCT t AS tag FROM "Claim" c, unnest(c.tags) AS t WHERE c."workspaceId" = $1 AND lower(t) = lower($2)`,
    workspaceId,
    tag,
  );
  return [...new Set([tag, ...rows.map((r) => r.tag)])];
}
