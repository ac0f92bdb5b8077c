import { describe, expect, it } from "vitest";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { authorize } from "@/lib/auth/permissions";
import { approveClaim } from "@/lib/claims/change-review-state";
import { deleteClaim } from "@/lib/claims/delete-claim";
import { claimWorld } from "@/lib/claims/test-world";
import { startHere } from "@/lib/workspaces/start-here";
import { articlePage, listArticles, recentArticleChoices } from "./list-articles";

/**
 * The article list counts each listed article's live highlights by themselves (not a count of every
 * highlight in the database, as Prisma's relation `_count` made it), and the workspace's home reads its
 * claim counts from the tallies the database keeps: both must still say what a count of the rows says.
 */
describe("article list counts and the workspace's start panel", () => {
  it("count each article's live highlights, whatever other articles and workspaces hold", async () => {
    const w = await claimWorld();
    const other = await claimWorld();
    await other.highlight("Traders say");
    const second = await w.article("Second");
    await w.highlight("The bridge carries");
    const gone = await w.highlight("Traders say");
    await w.highlight("Unemployment fell", second);
    await deleteAnnotation(await w.as(w.annotator), w.first.id, gone.id);

    const listed = await listArticles(w.workspace.id);
    expect(listed.map((a) => [a.id, a.annotationCount])).toEqual([
      [second.id, 1],
      [w.first.id, 1],
    ]);
    const page = await articlePage(w.workspace.id, { limit: 1 });
    expect(page.items.map((a) => a.annotationCount)).toEqual([1]);
    expect(await recentArticleChoices(w.workspace.id, 1)).toEqual([{ id: second.id, title: "Second" }]);
  });

  it("the start panel's claim counts follow creations, approvals and deletions", async () => {
    const w = await claimWorld();
    const a = await w.claim("The bridge carries");
    const b = await w.claim("Traders say");
    await w.claim("Unemployment fell");
    const ready = await w.readyForApproval(b);
    await approveClaim(await authorize(w.reviewer.id, w.workspace.slug, "workspace.view"), b.id, { version: ready.version });
    await deleteClaim(await authorize(w.admin.id, w.workspace.slug, "workspace.view"), a.id, { version: a.version });
    const start = await startHere(await w.as(w.admin));
    expect(start.claims).toEqual({ total: 2, unreviewed: 1, "in-review": 0, approved: 1 });
  });
});
