import { db } from "@/lib/db/client";
import { CHANGE_DATA, isChangeKind, type Change, type ChangeKind } from "./kinds";

export interface ChangeFilter {
  claimId?: string;
  articleId?: string;
  actorId?: string;
  kinds?: ChangeKind[];
}

type Row = {
  seq: bigint | null;
  kind: string;
  data: unknown;
  workspaceId: string;
  actorId: string | null;
  claimId: string | null;
  articleId: string | null;
  subjectId: string | null;
  createdAt: Date;
};

/** A stored row as a typed Change; throws on a row that doesn't fit its kind (the feed is written only through recordChange). */
export function parseChange(row: Row): Change {
  if (!isChangeKind(row.kind)) throw new Error(`Unknown change kind in the feed: ${row.kind}`);
  if (row.seq === null) throw new Error("A change without a seq is still being committed");
  return {
    seq: Number(row.seq),
    kind: row.kind,
    data: CHANGE_DATA[row.kind].parse(row.data),
    workspaceId: row.workspaceId,
    actorId: row.actorId,
    claimId: row.claimId,
    articleId: row.articleId,
    subjectId: row.subjectId,
    createdAt: row.createdAt,
  } as Change;
}

/**
 * Committed changes of a workspace after `afterSeq`, oldest first. Safe to
 * resume from the last seq seen: seqs are given in commit order, so nothing
 * below a visible seq can appear later.
 */
export async function readChanges(workspaceId: string, afterSeq: number, limit: number, filter: ChangeFilter = {}): Promise<Change[]> {
  const rows = await db.change.findMany({
    where: {
      workspaceId,
      seq: { gt: BigInt(afterSeq) },
      ...(filter.claimId ? { claimId: filter.claimId } : {}),
      ...(filter.articleId ? { articleId: filter.articleId } : {}),
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(filter.kinds ? { kind: { in: filter.kinds } } : {}),
    },
    orderBy: { seq: "asc" },
    take: limit,
  });
  return rows.map(parseChange);
}

/** The workspace's latest committed seq (0 before its first change): where a new live stream starts. */
export async function latestSeq(workspaceId: string): Promise<number> {
  const counter = await db.changeCounter.findUnique({ where: { workspaceId }, select: { seq: true } });
  return Number(counter?.seq ?? 0);
}
