import type { Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { DEMO_WORKSPACE_SLUG } from "@/lib/demo/constants";
import type { ReviewState } from "@/lib/claims/review-states";

export interface StartHere {
  /** The demo workspace gets a tour; any other only a hint until its first claim. */
  demo: boolean;
  claims: Record<ReviewState, number> & { total: number };
  /** The oldest unreviewed claim assigned to the viewer: their next piece of work. */
  assigned: { id: string; statement: string } | null;
  /** The article to open first: the earliest published (in the demo, the council's announcement). */
  firstArticle: { id: string; title: string } | null;
}

/** What the workspace's landing page needs to tell a newcomer where to start. */
export async function startHere(access: Access): Promise<StartHere> {
  const workspaceId = access.workspace.id;
  const live = { workspaceId, deletedAt: null, mergedIntoId: null };
  const [byState, assigned, firstArticle] = await Promise.all([
    // The counts the database keeps per verdict and review state (WorkspaceClaimTally, as the dashboard reads them),
    // not a count of every claim on each visit to the workspace's home.
    db.$queryRaw<{ reviewState: string; n: number }[]>`
      SELECT "reviewState", sum("claimCount")::int AS n FROM "WorkspaceClaimTally" WHERE "workspaceId" = ${workspaceId} GROUP BY "reviewState"`,
    db.claim.findFirst({
      where: { ...live, assigneeId: access.userId, reviewState: "unreviewed" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, statement: true },
    }),
    db.article.findFirst({ where: { workspaceId }, orderBy: [{ publishedAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }], select: { id: true, title: true } }),
  ]);
  const claims = { total: 0, unreviewed: 0, "in-review": 0, approved: 0 };
  for (const row of byState) {
    claims[row.reviewState as ReviewState] = row.n;
    claims.total += row.n;
  }
  return { demo: access.workspace.slug === DEMO_WORKSPACE_SLUG, claims, assigned, firstArticle };
}
