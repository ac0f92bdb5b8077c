import type { Change } from "@/lib/changes";
import { db } from "@/lib/db/client";
import type { LiveChange } from "./live-change";

/**
 * Adds to each change the articles it touches: its own `articleId`, and for
 * a change about a claim every article the claim is mentioned in (deleted
 * mentions included, so the reader hears of a claim's deletion too). One
 * query per batch, whatever the number of listening clients.
 */
export async function enrich(changes: Change[]): Promise<LiveChange[]> {
  const claimIds = [...new Set(changes.map((c) => c.claimId).filter((id): id is string => id !== null))];
  const byClaim = new Map<string, Set<string>>();
  if (claimIds.length) {
    const rows = await db.annotation.findMany({ where: { claimId: { in: claimIds } }, select: { claimId: true, articleId: true }, distinct: ["claimId", "articleId"] });
    for (const r of rows) {
      if (!r.claimId) continue;
      let set = byClaim.get(r.claimId);
      if (!set) byClaim.set(r.claimId, (set = new Set()));
      set.add(r.articleId);
    }
  }
  return changes.map((c) => {
    const ids = new Set(c.claimId ? (byClaim.get(c.claimId) ?? []) : []);
    if (c.articleId) ids.add(c.articleId);
    // Mentions name their article in data, even once detached from the claim.
    if ((c.kind === "claim.mention-added" || c.kind === "claim.mention-removed") && c.data.articleId) ids.add(c.data.articleId);
    if (c.kind === "claim.created" && c.data.articleId) ids.add(c.data.articleId);
    return { ...c, articleIds: [...ids] };
  });
}
