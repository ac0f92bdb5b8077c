import { db } from "@/lib/db/client";
import type { Access } from "@/lib/auth/permissions";

/** Live claims of a workspace: not deleted, not merged into another. */
const LIVE = `c."workspaceId" = $1 AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL`;

export interface Dashboard {
  byVerdict: { verdict: string | null; count: number }[];
  byReviewState: { reviewState: string; count: number }[];
  /** Verdicts given per week (the verdict each claim was set to that week). */
  verdictsOverTime: { week: string; verdict: string; count: number }[];
  articles: { id: string; title: string; claims: number; withVerdict: number }[];
  mostLinked: { id: string; statement: string; verdict: string | null; articles: number; relations: number }[];
  activity: { id: string; kind: string; data: Record<string, unknown>; createdAt: string; actor: string | null; claimId: string; statement: string }[];
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
    db.$queryRawUnsafe<{ week: Date; verdict: string; count: bigint }[]>(
      `SELECT date_trunc('week', e."createdAt") AS week, e.data->>'to' AS verdict, count(*) AS count
         FROM "ClaimEvent" e JOIN "Claim" c ON c.id = e."claimId"
        WHERE ${LIVE} AND e.kind = 'verdict' AND e.data->>'to' IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1`,
      ws,
    ),
    // The 50 newest articles first (an index), then each one's claims through its own highlights.
    db.$queryRawUnsafe<{ id: string; title: string; claims: bigint; withVerdict: bigint }[]>(
      `SELECT a.id, a.title, p.claims, p."withVerdict"
         FROM (SELECT id, title, "createdAt" FROM "Article" WHERE "workspaceId" = $1 ORDER BY "createdAt" DESC LIMIT 50) a
         CROSS JOIN LATERAL (
           SELECT count(DISTINCT c.id) AS claims, count(DISTINCT c.id) FILTER (WHERE c.verdict IS NOT NULL) AS "withVerdict"
             FROM "Annotation" n JOIN "Claim" c ON c.id = n."claimId" AND ${LIVE}
            WHERE n."articleId" = a.id AND n."deletedAt" IS NULL) p
        ORDER BY a."createdAt" DESC`,
      ws,
    ),
    // Ranked by counts the database keeps per claim (migration q100k_link_counts), read from an index.
    db.$queryRawUnsafe<{ id: string; statement: string; verdict: string | null; articles: number; relations: number }[]>(
      `SELECT c.id, c.statement, c.verdict, c."articleCount" AS articles, c."relationCount" AS relations
         FROM "Claim" c WHERE ${LIVE} AND (c."articleCount" > 0 OR c."relationCount" > 0)
        ORDER BY c."articleCount" DESC, c."relationCount" DESC, c."updatedAt" DESC
        LIMIT 8`,
      ws,
    ),
    db.claimEvent.findMany({
      where: { claim: { workspaceId: ws } },
      orderBy: { createdAt: "desc" },
      take: 15,
      select: { id: true, kind: true, data: true, createdAt: true, actor: { select: { name: true } }, claim: { select: { id: true, statement: true, mergedIntoId: true } } },
    }),
  ]);
  const n = (v: bigint) => Number(v);
  return {
    byVerdict: byVerdict.map((r) => ({ verdict: r.verdict, count: n(r.count) })),
    byReviewState: byReviewState.map((r) => ({ reviewState: r.reviewState, count: n(r.count) })),
    verdictsOverTime: overTime.map((r) => ({ week: r.week.toISOString().slice(0, 10), verdict: r.verdict, count: n(r.count) })),
    articles: articles.map((r) => ({ id: r.id, title: r.title, claims: n(r.claims), withVerdict: n(r.withVerdict) })),
    mostLinked: mostLinked.map((r) => ({ id: r.id, statement: r.statement, verdict: r.verdict, articles: r.articles, relations: r.relations })),
    activity: activity.map((e) => ({
      id: e.id,
      kind: e.kind,
      data: (e.data ?? {}) as Record<string, unknown>,
      createdAt: e.createdAt.toISOString(),
      actor: e.actor?.name ?? null,
      claimId: e.claim.mergedIntoId ?? e.claim.id,
      statement: e.claim.statement,
    })),
  };
}
