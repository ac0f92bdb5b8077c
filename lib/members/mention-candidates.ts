import { z } from "zod";
import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";

export const mentionQuerySchema = z.object({ q: z.string().max(100, "Keep it under 100 characters.").optional() });

/** Members whose name starts a word with `q` (or all, for an empty q), for @mention autocomplete: at most 8, by name. */
export async function mentionCandidates(access: Access, q = ""): Promise<{ id: string; name: string }[]> {
  assertCan(access, "claim.comment", "Only annotators, reviewers and admins can comment.");
  const query = q.trim().toLowerCase();
  const members = await db.membership.findMany({
    where: { workspaceId: access.workspace.id, ...(query ? { user: { name: { contains: query, mode: "insensitive" } } } : {}) },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
    take: 50,
  });
  return members
    .map((m) => m.user)
    .filter((u) => !query || u.name.toLowerCase().split(/\s+/).some((word) => word.startsWith(query)) || u.name.toLowerCase().startsWith(query))
    .slice(0, 8);
}
