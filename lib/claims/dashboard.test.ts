import { describe, expect, it } from "vitest";
import { approveClaim } from "./change-review-state";
import { getDashboard } from "./dashboard";
import { attachMention } from "./attach-mention";
import { claimWorld } from "./test-world";

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
