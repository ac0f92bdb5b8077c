import { describe, expect, it } from "vitest";
import { approveClaim } from "./change-review-state";
import { getDashboard } from "./dashboard";
import { attachMention } from "./attach-mention";
import { detachMention } from "./detach-mention";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { db } from "@/lib/db/client";
import { deleteClaim, restoreClaim } from "./delete-claim";
import { mergeClaims } from "./merge-claims";
import { addRelation } from "./relations";
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
    // Only claims linked to something: the approved claim is in one article and related to nothing.
    expect(d.mostLinked).toEqual([expect.objectContaining({ id: open.id, articles: 2, relations: 0 })]);
    // Related to another claim, each of the two is linked: after the claim in two articles, the later-changed first.
    const third = await w.claim("€12 million");
    await addRelation(await w.as(w.annotator), third.id, { toId: approved.id, type: "contradicts", version: third.version });
    const linked = (await getDashboard(await w.as(w.viewer))).mostLinked;
    expect(linked.map((c) => [c.id, c.articles, c.relations])).toEqual([
      [open.id, 2, 0],
      [third.id, 1, 1],
      [approved.id, 1, 1],
    ]);
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

describe("the dashboard's verdicts by week", () => {
  it("counts each verdict given in its week, from a tally the change feed keeps, equal to a count of the feed", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const one = await w.claim("about 40,000 vehicles a day");
    const two = await w.claim("a third of their customers");
    let d1 = await setVerdict(a, one.id, { verdict: "false", explanation: explanation("No."), version: one.version });
    d1 = await setVerdict(a, one.id, { verdict: "mostly-false", explanation: explanation("Mostly not."), version: d1.version });
    await setVerdict(a, two.id, { verdict: "false", explanation: explanation("No."), version: two.version });
    // A verdict taken back is no verdict given.
    await setVerdict(a, one.id, { verdict: null, explanation: null, version: d1.version });

    const fromFeed = await db.$queryRaw<{ week: Date; verdict: string; n: number }[]>`
      SELECT date_trunc('week', "createdAt")::date AS week, data->>'to' AS verdict, count(*)::int AS n FROM "Change"
       WHERE "workspaceId" = ${w.workspace.id} AND kind = 'claim.verdict' AND data->>'to' IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`;
    const d = await getDashboard(await w.as(w.viewer));
    expect(d.verdictsOverTime.map((r) => [r.week, r.verdict, r.count])).toEqual(fromFeed.map((r) => [r.week.toISOString().slice(0, 10), r.verdict, r.n]));
    expect(Object.fromEntries(d.verdictsOverTime.map((r) => [r.verdict, r.count]))).toEqual({ false: 2, "mostly-false": 1 });
  });
});

describe("the dashboard's per-article progress", () => {
  /** What the kept rows must equal: the article's standing claims counted through its highlights. */
  const recount = async (workspaceId: string) =>
    (
      await db.$queryRaw<{ id: string; claims: number; withVerdict: number }[]>`
        SELECT a.id, count(DISTINCT c.id)::int AS claims, (count(DISTINCT c.id) FILTER (WHERE c.verdict IS NOT NULL))::int AS "withVerdict"
          FROM "Article" a
          LEFT JOIN "Annotation" n ON n."articleId" = a.id AND n."deletedAt" IS NULL
          LEFT JOIN "Claim" c ON c.id = n."claimId" AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL
         WHERE a."workspaceId" = ${workspaceId} GROUP BY a.id ORDER BY a.id`
    ).map((r) => `${r.id}:${r.withVerdict}/${r.claims}`);
  const kept = async (workspaceId: string) =>
    (
      await db.$queryRaw<{ id: string; claims: number; withVerdict: number }[]>`
        SELECT a.id, coalesce(p.claims, 0) AS claims, coalesce(p."withVerdict", 0) AS "withVerdict"
          FROM "Article" a LEFT JOIN "ArticleClaimProgress" p ON p."articleId" = a.id
         WHERE a."workspaceId" = ${workspaceId} ORDER BY a.id`
    ).map((r) => `${r.id}:${r.withVerdict}/${r.claims}`);

  it("is kept equal to a count through the highlights across mentions, verdicts, deletions, merges and unlinking", async () => {
    const w = await claimWorld();
    const ws = w.workspace.id;
    const annotator = await w.as(w.annotator);
    const reviewer = await w.as(w.reviewer);
    const second = await w.article();
    const a = await w.claim("about 40,000 vehicles a day");
    // The same claim mentioned twice in one article counts once there.
    const again = await w.highlight("40,000 vehicles");
    let ad = await attachMention(annotator, a.id, { annotationId: again.id, version: a.version });
    const elsewhere = await w.highlight("about 40,000 vehicles a day", second);
    ad = await attachMention(annotator, a.id, { annotationId: elsewhere.id, version: ad.version });
    const b = await w.claim("a third of their customers");
    const c = await w.claim("€12 million", { on: second });
    expect(await kept(ws)).toEqual(await recount(ws));
    const progress = async () => Object.fromEntries((await getDashboard(await w.as(w.viewer))).articles.map((r) => [r.id, [r.withVerdict, r.claims]]));
    expect(await progress()).toEqual({ [w.first.id]: [0, 2], [second.id]: [0, 2] });

    ad = await setVerdict(annotator, a.id, { verdict: "false", explanation: explanation("Counts show 31,000."), version: ad.version });
    expect(await progress()).toEqual({ [w.first.id]: [1, 2], [second.id]: [1, 2] });
    ad = await detachMention(annotator, a.id, elsewhere.id, { version: ad.version });
    expect(await kept(ws)).toEqual(await recount(ws));
    expect(await progress()).toEqual({ [w.first.id]: [1, 2], [second.id]: [0, 1] });

    await deleteAnnotation(annotator, second.id, (await db.annotation.findFirstOrThrow({ where: { claimId: c.id } })).id);
    expect(await kept(ws)).toEqual(await recount(ws));
    await deleteClaim(reviewer, b.id, { version: b.version });
    expect(await progress()).toEqual({ [w.first.id]: [1, 1], [second.id]: [0, 0] });
    await restoreClaim(await w.as(w.admin), b.id);
    expect(await progress()).toEqual({ [w.first.id]: [1, 2], [second.id]: [0, 0] });

    // Merging b into a: both were mentioned in the first article, which then holds one claim, with a verdict.
    await mergeClaims(reviewer, a.id, { from: b.id, version: ad.version });
    expect(await kept(ws)).toEqual(await recount(ws));
    expect(await progress()).toEqual({ [w.first.id]: [1, 1], [second.id]: [0, 0] });

    // Removed outright (not through the app): the foreign key unlinks its highlights.
    await db.claim.delete({ where: { id: a.id } });
    expect(await kept(ws)).toEqual(await recount(ws));
    expect(await progress()).toEqual({ [w.first.id]: [0, 0], [second.id]: [0, 0] });
  });

  it("stays equal to the count when claims are made on one article at the same time", async () => {
    const w = await claimWorld();
    const words = ["about 40,000 vehicles a day", "a third of their customers", "€12 million", "Unemployment fell to 4.1 percent"];
    await Promise.all(words.map((text) => w.claim(text)));
    expect(await kept(w.workspace.id)).toEqual(await recount(w.workspace.id));
    expect(await kept(w.workspace.id)).toEqual([`${w.first.id}:0/4`]);
  });
});
