import type { Prisma } from "@/lib/db/client";
import { CHANGE_DATA, type ChangeInput } from "./kinds";
import { changeSubscribers } from "./subscribers";

type Tx = Prisma.TransactionClient;

/**
 * Appends changes to the workspace feed inside the caller's transaction, and
 * lets the subscribers (notifications, webhooks) add their rows in the same
 * transaction. The seq is given at commit (migration change_feed), so it
 * isn't known here; subscribers refer to a change by its `id`.
 * Throws if a change's data doesn't fit its kind: a bug, not bad input.
 */
export async function recordChanges(tx: Tx, changes: ChangeInput[]): Promise<bigint[]> {
  if (changes.length === 0) return [];
  const rows = changes.map((c) => ({
    workspaceId: c.workspaceId,
    kind: c.kind,
    actorId: c.actorId,
    claimId: c.claimId ?? null,
    articleId: c.articleId ?? null,
    subjectId: c.subjectId ?? null,
    data: CHANGE_DATA[c.kind].parse(c.data) as Prisma.InputJsonObject,
  }));
  const created = await tx.change.createManyAndReturn({ data: rows, select: { id: true } });
  const ids = created.map((r) => r.id);
  for (const subscriber of changeSubscribers) {
    await subscriber(tx, changes, ids);
  }
  return ids;
}

export async function recordChange(tx: Tx, change: ChangeInput): Promise<bigint> {
  const [id] = await recordChanges(tx, [change]);
  return id;
}
