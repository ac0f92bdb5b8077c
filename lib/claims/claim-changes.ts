import { CHANGE_DATA, type ChangeKind } from "@/lib/changes";
import { Prisma as P } from "@/lib/db/generated/client";
import type { ClaimEventKind, ClaimEventView } from "./claim-dto";
import type { After, Reader } from "./claim-reads";

/**
 * A claim's history is its part of the workspace change feed (lib/changes).
 * The history keeps the names it always had ("edited", "commented"), which
 * the claim page, the REST API and bundles use; these map them to the feed's kinds.
 */
export const FEED_KIND_OF: Record<ClaimEventKind, ChangeKind> = {
  created: "claim.created",
  edited: "claim.edited",
  "mention-added": "claim.mention-added",
  "mention-removed": "claim.mention-removed",
  "review-state": "claim.review-state",
  verdict: "claim.verdict",
  "source-added": "claim.source-added",
  "source-removed": "claim.source-removed",
  "source-edited": "claim.source-edited",
  "relation-added": "claim.relation-added",
  "relation-removed": "claim.relation-removed",
  merged: "claim.merged",
  deleted: "claim.deleted",
  restored: "claim.restored",
  commented: "comment.created",
};

const HISTORY_KIND_OF = new Map<string, ClaimEventKind>(Object.entries(FEED_KIND_OF).map(([history, feed]) => [feed, history as ClaimEventKind]));
/** Feed kinds that appear in a claim's history (comment edits and deletions don't). */
export const HISTORY_FEED_KINDS = [...HISTORY_KIND_OF.keys()];

export function historyKindOf(kind: string): ClaimEventKind | null {
  return HISTORY_KIND_OF.get(kind) ?? null;
}

export type ClaimChangeKind = Extract<ChangeKind, `claim.${string}` | `comment.${string}`>;

/** The row a change is also about, beside its claim: the mention's article, the source, the relation, the comment. */
export function subjectsOf(kind: ClaimChangeKind, data: Record<string, unknown>): { articleId: string | null; subjectId: string | null } {
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  const articleId = str(data.articleId);
  if (kind.startsWith("comment.")) return { articleId, subjectId: str(data.commentId) };
  if (kind === "claim.created" || kind === "claim.mention-added" || kind === "claim.mention-removed") return { articleId, subjectId: str(data.annotationId) };
  if (kind.startsWith("claim.source-")) return { articleId, subjectId: str(data.sourceId) };
  if (kind.startsWith("claim.relation-")) return { articleId, subjectId: str(data.relationId) };
  if (kind === "claim.merged") return { articleId, subjectId: str(data.from) };
  return { articleId, subjectId: null };
}

export interface ChangeRow {
  id: bigint;
  claimId: string | null;
  kind: string;
  data: unknown;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
}

/** A feed row as a history entry; its id is the change's row id (a history cursor names it). */
export function toEventView(row: ChangeRow): ClaimEventView {
  const kind = historyKindOf(row.kind);
  if (!kind) throw new Error(`Not a claim history kind: ${row.kind}`);
  return {
    id: String(row.id),
    claimId: row.claimId ?? "",
    kind,
    data: CHANGE_DATA[row.kind as ChangeKind].parse(row.data) as Record<string, unknown>,
    // The feed keeps an actor's id after the account is gone; such an entry is "someone's", as before.
    actor: row.actorId && row.actorName !== null ? { id: row.actorId, name: row.actorName } : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Row ids are digits; a cursor from before the feed (a cuid) falls back to its time. */
const ROW_ID = /^[0-9]{1,18}$/;

/**
 * The history of these claims, newest first: in commit order (seq), the
 * caller's own uncommitted changes (no seq yet) first.
 */
export async function readClaimChanges(client: Reader, claimIds: string[], page: { before?: After; take: number }): Promise<ClaimEventView[]> {
  const before = !page.before
    ? P.empty
    : ROW_ID.test(page.before.id)
      ? P.sql`AND e.seq < (SELECT seq FROM "Change" WHERE id = ${BigInt(page.before.id)})`
      : P.sql`AND e."createdAt" < ${page.before.at}::timestamp(3)`;
  const rows = await client.$queryRaw<ChangeRow[]>`
    SELECT e.id, e."claimId", e.kind, e.data, e."createdAt", e."actorId", u.name AS "actorName"
      FROM "Change" e LEFT JOIN "User" u ON u.id = e."actorId"
     WHERE e."claimId" = ANY(${claimIds}::text[]) AND e.kind = ANY(${HISTORY_FEED_KINDS}::text[]) ${before}
     ORDER BY e.seq DESC NULLS FIRST, e.id DESC
     LIMIT ${page.take}`;
  return rows.map(toEventView);
}
