import { describe, expect, it } from "vitest";
import { approveClaim } from "./change-review-state";
import { getDashboard } from "./dashboard";
import { attachMention } from "./attach-mention";
import { db } from "@/lib/db/client";
import { deleteClaim, restoreClaim } from "./delete-claim";
import { mergeClaims } from "./merge-claims";
import { setVerdict } from "./set-verdict";
import { claimWorld, explanation } from "./test-world";

describe("workspace dashboard", () => {
  it("counts claims by verdict and review state, verdicts by week, per-article progress, most-linked claims and recent activity", async () => {
    const w = await claimWorld();
    const second = await w.article();
    const approved = await w.readyForApproval(await w.claim("about 40,000 vehicles a day"));
    await approveClaim(await w.as(w.reviewer), approved.id, { version: approved.version });
    const open = await w.claim("a third of their customers");
    const again = await w.highlight("a third of their customers", second);
    await attachMention(await w.as(w.annotator), open.id, { annotationId: again.id, version: open.version });

    const d = await getDashboard(await w.as(w.viewer));
    expect(Object.fromEntries(d.byVerdict.map((r) => [r.verdict ?? "none", r.count]))).toEqual({ "mostly-false": 1, none: 1 });
    expect(Object.fromEntries(d.byReviewState.map((r) => [r.reviewState, r.count]))).toEqual({ approved: 1, unreviewed: 1 });
    expect(d.verdictsOverTime).toEqual([{ week: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), verdict: "mostly-false", count: 1 }]);
    const progress = Object.fromEntries(d.articles.map((a) => [a.id, [a.withVerdict, a.claims]]));
    expect(progress[w.first.id]).toEqual([1, 2]);
    expect(progress[second.id]).toEqual([0, 1]);
    expect(d.mostLinked[0]).toMatchObject({ id: open.id, articles: 2 });
    expect(d.activity[0]).toMatchObject({ kind: "mention-added", claimId: open.id, actor: expect.any(String) });
    expect(d.activity.length).toBeGreaterThanOrEqual(6);
  });
});

describe("the dashboard's verdict and review-state tallies", () => {
  /** What the tallies must equal: a count of the standing claims. */
  const recount = async (workspaceId: string) =>
    (
      await db.$queryRaw<{ verdict: string; state: string; n: number }[]>`
        SELECT coalesce(verdict, '') AS verdict, "reviewState" AS state, count(*)::int AS n FROM "Claim"
         WHERE "workspaceId" = ${workspaceId} AND "deletedAt" IS NULL AND "mergedIntoId" IS NULL GROUP BY 1, 2 ORDER BY 1, 2`
    ).map((r) => `${r.verdict}/${r.state}=${r.n}`);
  const tallied = async (workspaceId: string) =>
    (
      await db.workspaceClaimTally.findMany({ where: { workspaceId, claimCount: { not: 0 } }, orderBy: [{ verdict: "asc" }, { reviewState: "asc" }] })
    ).map((r) => `${r.verdict}/${r.reviewState}=${r.claimCount}`);

  it("follow every change of a claim's verdict, review state and standing, through the app's use cases", async () => {
    const w = await claimWorld();
    const ws = w.workspace.id;
    const reviewer = await w.as(w.reviewer);
    const a = await w.readyForApproval(await w.claim("about 40,000 vehicles a day"));
    await approveClaim(reviewer, a.id, { version: a.version });
    const b = await w.claim("a third of their customers");
    const c = await w.claim("€12 million");
    const d = await w.claim("Unemployment fell to 4.1 percent");
    expect(await tallied(ws)).toEqual(await recount(ws));

    const bv = await setVerdict(await w.as(w.annotator), b.id, { verdict: "false", explanation: explanation("No survey says so."), version: b.version });
    await deleteClaim(reviewer, c.id, { version: c.version });
    await mergeClaims(reviewer, bv.id, { from: d.id, version: bv.version });
    expect(await tallied(ws)).toEqual(await recount(ws));
    expect(await tallied(ws)).toEqual(["false/unreviewed=1", "mostly-false/approved=1"]);

    await restoreClaim(await w.as(w.admin), c.id);
    expect(await tallied(ws)).toEqual(await recount(ws));
    const dash = await getDashboard(await w.as(w.viewer));
    expect(Object.fromEntries(dash.byVerdict.map((r) => [r.verdict ?? "none", r.count]))).toEqual({ "mostly-false": 1, false: 1, none: 1 });
    expect(Object.fromEntries(dash.byReviewState.map((r) => [r.reviewState, r.count]))).toEqual({ approved: 1, unreviewed: 2 });
  });
});
