import type { Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { LiveScope } from "./live-change";

/**
 * A page's scope names an article or claim of this workspace: a well-formed id that isn't one is a
 * 404, as everywhere else, not a stream that stays silent forever. Deleted and merged claims still
 * count (their pages are still open somewhere and hear their restore or their new home).
 */
export async function checkScope(access: Access, scope: LiveScope): Promise<void> {
  if (scope.kind === "article") {
    const found = await db.article.findFirst({ where: { id: scope.articleId, workspaceId: access.workspace.id }, select: { id: true } });
    if (!found) throw notFound("Article not found");
  } else if (scope.kind === "claim") {
    const found = await db.claim.findFirst({ where: { id: scope.claimId, workspaceId: access.workspace.id }, select: { id: true } });
    if (!found) throw notFound("Claim not found");
  }
}
