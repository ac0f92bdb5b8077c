import { db } from "@/lib/db/client";
import type { Access } from "@/lib/auth/permissions";
import { HISTORY_FEED_KINDS, toEventView, type ChangeRow } from "./claim-changes";

/** Live claims of a workspace: not deleted, not merged into another. */
const LIVE = `c."workspaceId" = $1 AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL`;

export interface Dashboard {
  byVerdict: { verdict: string | null; count: number }[];
  byReviewState: { reviewState: string; count: number }[];
  /** Verdicts given per week (what each claim's verdict was set to that week), including claims since deleted or merged. */
  verdictsOverTime: { week: string; verdict: string; count: number }[];
  articles: { id: string; title: string; claims: number; withVerdict: number }[];
  mostLinked: { id: string; statement: string; language: string | null; verdict: string | null; articles: number; relations: number }[];
  activity: { id: string; kind: string; data: Record<string, unknown>; createdAt: string; actor: string | null; claimId: string; statement: string; language: string | null }[];
}

/** The workspace dashboard's figures, each one query. */
export async function getDashboard(access: Access): Promise<Dashboard> {
  const ws = access.workspace.id;
  const [byVerdict, byReviewState, overTime, articles, mostLinked, activity] = await Promise.all([
    // Counts the database keeps per verdict and review state (migration dashboard_claim_tally): a few rows, however many claims.
    db.$queryRawUnsafe<{ verdict: string | null; count: bigint }[]>(
      `SELECT nullif(verdict, '') AS verdict, sum("claimCount") AS count FROM "WorkspaceClaimTally" WHERE "workspaceId" = $1 GROUP BY verdict HAVING sum("claimCount") > 0`,
      ws,
    ),
    db.$queryRawUnsafe<{ reviewState: string; count: bigint }[]>(
      `SELECT "reviewState", sum("claimCount") AS count FROM "WorkspaceClaimTally" WHERE "workspaceId" = $1 GROUP BY "reviewState" HAVING sum("claimCount") > 0`,
      ws,
    ),
    // Kept per week by a trigger on the change feed (migration dashboard_verdict_weeks): a verdict counts in the
    // week it was given, whatever became of its claim.
    db.$queryRawUnsafe<{ week: Date; verdict: string; count: bigint }[]>(
      `SELECT week, verdict, count::bigint AS count FROM "WorkspaceVerdictWeek" WHERE "workspaceId" = $1 AND count > 0 ORDER BY week, verdict`,
      ws,
    ),
    // The 50 newest articles (an index), each one's progress from the row the database keeps for it (migration
    // article_claim_progress); an article without one mentions no standing claim.
    db.$queryRawUnsafe<{ id: string; title: string; claims: number; withVerdict: number }[]>(
      `SELECT a.id, a.title, coalesce(p.claims, 0) AS claims, coalesce(p."withVerdict", 0) AS "withVerdict"
         FROM (SELECT id, title, "createdAt" FROM "Article" WHERE "workspaceId" = $1 ORDER BY "createdAt" DESC LIMIT 50) a
         LEFT JOIN "ArticleClaimProgress" p ON p."articleId" = a.id
        ORDER BY a."createdAt" DESC`,
      ws,
    ),
    // Claims linked across articles (in two or more) or to other claims, ranked by counts the database keeps per claim
    // (migration q100k_link_counts). A claim in one article with no relation is linked to nothing: listed, it padded
    // the list with "1 article · 0 links" (black-box, session 31). Three ranges of the counts' index, each read in
    // its order and merged, so a workspace with few linked claims doesn't walk the index past every unlinked one.
    db.$queryRawUnsafe<{ id: string; statement: string; language: string | null; verdict: string | null; articles: number; relations: number }[]>(
      `SELECT * FROM (${["c.\"articleCount\" > 1", "c.\"articleCount\" = 1 AND c.\"relationCount\" > 0", "c.\"articleCount\" = 0 AND c.\"relationCount\" > 0"]
        .map(
          (range) => `(SELECT c.id, c.statement, c.language, c.verdict, c."articleCount" AS articles, c."relationCount" AS relations, c."updatedAt"
             FROM "Claim" c WHERE ${LIVE} AND ${range}
            ORDER BY c."articleCount" DESC, c."relationCount" DESC, c."updatedAt" DESC LIMIT 8)`,
        )
        .join(" UNION ALL ")}) c
        ORDER BY c.articles DESC, c.relations DESC, c."updatedAt" DESC
        LIMIT 8`,
      ws,
    ),
    // The newest claim history entries of the workspace's feed (comment edits and deletions aren't history).
    db.$queryRaw<(ChangeRow & { statement: string; language: string | null; mergedIntoId: string | null })[]>`
      SELECT e.id, e."claimId", e.kind, e.data, e."createdAt", e."actorId", u.name AS "actorName", c.statement, c.language, c."mergedIntoId"
        FROM "Change" e JOIN "Claim" c ON c.id = e."claimId" LEFT JOIN "User" u ON u.id = e."actorId"
       WHERE e."workspaceId" = ${ws} AND e.seq IS NOT NULL AND e.kind = ANY(${HISTORY_FEED_KINDS}::text[])
       ORDER BY e.seq DESC
       LIMIT 15`,
  ]);
  const n = (v: bigint) => Number(v);
  return {
    byVerdict: byVerdict.map((r) => ({ verdict: r.verdict, count: n(r.count) })),
    byReviewState: byReviewState.map((r) => ({ reviewState: r.reviewState, count: n(r.count) })),
    verdictsOverTime: overTime.map((r) => ({ week: r.week.toISOString().slice(0, 10), verdict: r.verdict, count: n(r.count) })),
    articles,
    mostLinked: mostLinked.map((r) => ({ id: r.id, statement: r.statement, language: r.language, verdict: r.verdict, articles: r.articles, relations: r.relations })),
    activity: activity.map((e) => {
      const view = toEventView(e);
      return { id: view.id, kind: view.kind, data: view.data, createdAt: view.createdAt, actor: view.actor?.name ?? null, claimId: e.mergedIntoId ?? view.claimId, statement: e.statement, language: e.language };
    }),
  };
}
