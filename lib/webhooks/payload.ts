import { db } from "@/lib/db/client";
import { parseChange } from "@/lib/changes/read";

/**
 * The JSON body of a delivery, built when sending (the seq exists only after
 * the change's commit). `id` is the delivery (the same on its retries, new on
 * a re-send); receivers that must not act twice de-duplicate on
 * `workspace.id` + `change.seq`.
 */
export async function deliveryBody(deliveryId: string, changeId: bigint): Promise<string | null> {
  const row = await db.change.findUnique({ where: { id: changeId }, include: { workspace: { select: { id: true, slug: true } } } });
  if (!row || row.seq === null) return null;
  const c = parseChange(row);
  return JSON.stringify({
    id: deliveryId,
    event: c.kind,
    workspace: { id: row.workspace.id, slug: row.workspace.slug },
    change: { seq: c.seq, kind: c.kind, createdAt: c.createdAt.toISOString(), actorId: c.actorId, claimId: c.claimId, articleId: c.articleId, subjectId: c.subjectId, data: c.data },
  });
}
