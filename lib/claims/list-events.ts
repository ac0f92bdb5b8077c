import { assertCan, can, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { Prisma as P } from "@/lib/db/generated/client";
import { FEED_KIND_OF, HISTORY_FEED_KINDS, toEventView, type ChangeRow } from "./claim-changes";
import type { ClaimEventKind } from "./claim-dto";

export interface EventFilters {
  claimId?: string;
  kind?: ClaimEventKind;
  /** Only events at or after this time. */
  since?: Date;
  /** Keyset: only events strictly before this one (the id of a change row) in the list's order. */
  before?: { at: Date; id: string };
  limit: number;
}

/** Row ids are digits; a cursor from before the feed (a cuid) falls back to its time. */
const ROW_ID = /^[0-9]{1,18}$/;

/** The workspace's append-only claim history (its claims' part of the change feed), newest first (commit order). */
export async function listClaimEvents(access: Access, filters: EventFilters) {
  assertCan(access, "workspace.view");
  // Deleted claims' history is for those who may see (and restore) deleted claims.
  const live = can(access.role, "claim.restore") ? P.empty : P.sql`AND c."deletedAt" IS NULL`;
  const kinds = filters.kind ? [FEED_KIND_OF[filters.kind]] : HISTORY_FEED_KINDS;
  const conditions = [
    filters.claimId ? P.sql`AND e."claimId" = ${filters.claimId}` : P.empty,
    filters.since ? P.sql`AND e."createdAt" >= ${filters.since}::timestamp(3)` : P.empty,
    !filters.before
      ? P.empty
      : ROW_ID.test(filters.before.id)
        ? P.sql`AND e.seq < (SELECT seq FROM "Change" WHERE id = ${BigInt(filters.before.id)} AND "workspaceId" = ${access.workspace.id})`
        : P.sql`AND e."createdAt" < ${filters.before.at}::timestamp(3)`,
  ];
  const rows = await db.$queryRaw<ChangeRow[]>`
    SELECT e.id, e."claimId", e.kind, e.data, e."createdAt", e."actorId", u.name AS "actorName"
      FROM "Change" e
      JOIN "Claim" c ON c.id = e."claimId" AND c."workspaceId" = ${access.workspace.id} ${live}
      LEFT JOIN "User" u ON u.id = e."actorId"
     WHERE e."workspaceId" = ${access.workspace.id} AND e.seq IS NOT NULL AND e.kind = ANY(${kinds}::text[]) ${P.join(conditions, " ")}
     ORDER BY e.seq DESC
     LIMIT ${filters.limit}`;
  return rows.map((r) => {
    const view = toEventView(r);
    return { ...view, createdAt: r.createdAt };
  });
}
