import { describe, expect, it } from "vitest";
import { describeSpan } from "@/lib/anchoring";
import { authorize } from "@/lib/auth/permissions";
import { createArticle } from "@/lib/articles/create-article";
import { docFromParagraphs } from "@/lib/articles/document";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { updateArticle } from "./update-article";

const HIGHLIGHTS = 3_000;

/**
 * An edit that moves every highlight writes them in set-based statements
 * (issue 11: one UPDATE per highlight made a 10,000-highlight edit time out).
 * This checks the result of those statements, not their speed (the bench does).
 */
describe("re-anchoring many highlights in one edit", () => {
  it("moves every highlight, orphans the deleted one and records each change on the revision", async () => {
    const { workspace, admin } = await makeWorkspace();
    // The last paragraph shares no wording with the others, so deleting it leaves nothing to match fuzzily.
    const paragraphs = Array.from({ length: HIGHLIGHTS - 1 }, (_, i) => `Paragraph ${i}: the council reported figure ${i * 7} for the harbour.`);
    paragraphs.push("Quokkas juggle xylophones while zebras whistle.");
    const created = await createArticle({ workspaceId: workspace.id, actorId: admin.id, doc: docFromParagraphs(["Title", ...paragraphs]), metadata: { title: "Title", tags: [] } });
    const article = await db.article.findUniqueOrThrow({ where: { id: created.article.id }, select: { id: true, text: true } });
    const rows = paragraphs.map((p, i) => {
      const start = article.text.indexOf(p);
      const span = describeSpan(article.text, start, start + p.length);
      return { id: `hl-${workspace.id}-${i}`, workspaceId: workspace.id, articleId: article.id, createdById: admin.id, exact: span.quote.exact, prefix: span.quote.prefix, suffix: span.quote.suffix, start, end: start + p.length, anchoredRevision: 1 };
    });
    await db.annotation.createMany({ data: rows });

    // A new paragraph at the top shifts everything; the last paragraph is deleted.
    const edited = ["Title", "A correction was added at the top of this article.", ...paragraphs.slice(0, -1)];
    const access = await authorize(admin.id, workspace.slug, "article.edit");
    const result = await updateArticle(access, article.id, { baseRevision: 1, doc: docFromParagraphs(edited), metadata: { title: "Title", tags: [] } });
    expect(result.revision).toBe(2);
    expect(result.reanchored).toBe(HIGHLIGHTS);

    const after = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { text: true } });
    const stored = await db.annotation.findMany({ where: { articleId: article.id }, select: { id: true, exact: true, start: true, end: true, status: true, anchoredRevision: true } });
    const byId = new Map(stored.map((a) => [a.id, a]));
    for (let i = 0; i < HIGHLIGHTS - 1; i++) {
      const a = byId.get(`hl-${workspace.id}-${i}`)!;
      expect(a.status).toBe("moved");
      expect(after.text.slice(a.start!, a.end!)).toBe(a.exact);
    }
    expect(byId.get(`hl-${workspace.id}-${HIGHLIGHTS - 1}`)).toMatchObject({ status: "orphaned", start: null, end: null });
    expect(new Set(stored.map((a) => a.anchoredRevision))).toEqual(new Set([2]));

    // What the edit did is one record on the revision it made (by its author), not a row per highlight.
    const revision = await db.articleRevision.findUniqueOrThrow({ where: { articleId_number: { articleId: article.id, number: 2 } }, select: { reanchored: true, createdById: true } });
    expect(revision.createdById).toBe(admin.id);
    const moves = revision.reanchored as unknown[][];
    expect(moves).toHaveLength(HIGHLIGHTS);
    const first = moves.find((m) => m[0] === `hl-${workspace.id}-0`)!;
    const now = byId.get(`hl-${workspace.id}-0`)!;
    expect(first).toEqual([`hl-${workspace.id}-0`, rows[0].start, rows[0].end, "exact", now.start, now.end, "moved", 0]);
    expect(await db.annotationEvent.count({ where: { annotation: { articleId: article.id }, kind: "reanchored" } })).toBe(0);

    // A second edit that leaves the text as it is changes no highlight and records nothing.
    const again = await updateArticle(access, article.id, { baseRevision: 2, doc: docFromParagraphs(edited), metadata: { title: "Renamed", tags: [] } });
    expect(again.reanchored).toBe(0);
    expect((await db.articleRevision.findUniqueOrThrow({ where: { articleId_number: { articleId: article.id, number: 3 } }, select: { reanchored: true } })).reanchored).toBeNull();
  }, 120_000);
});
