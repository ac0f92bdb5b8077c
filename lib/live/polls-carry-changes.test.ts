import { describe, expect, it } from "vitest";
import { describeSpan } from "@/lib/anchoring";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { authorize } from "@/lib/auth/permissions";
import { latestSeq } from "@/lib/changes";
import { createArticle } from "@/lib/articles/create-article";
import { docFromParagraphs } from "@/lib/articles/document";
import { updateArticle } from "@/lib/articles/update-article";
import { db } from "@/lib/db/client";
import { makeMember, makeWorkspace } from "@/lib/testing/fixtures";
import { listChanges } from "./list-changes";

const PARAGRAPHS = Array.from({ length: 2_500 }, (_, i) => `Paragraph ${i}: the council reported figure ${i * 7} for the harbour bridge today.`);

/**
 * Issue 11, "polls carry only what changed": a reader of an article with
 * 10,000 highlights follows the change feed (`/changes?article=`, the same
 * changes the `/live` stream sends) and then fetches the highlights a change
 * names (`…/annotations?ids=`). Neither answer may be the whole list.
 */
describe("live updates of an article with 10,000 highlights", () => {
  it("a poll after a change carries that change alone, and the fetch it leads to that highlight alone; an edit moving all 10,000 is two small changes", async () => {
    const { workspace, admin } = await makeWorkspace();
    const created = await createArticle({ workspaceId: workspace.id, actorId: admin.id, doc: docFromParagraphs(["Bridge", ...PARAGRAPHS]), metadata: { title: "Bridge", tags: [] } });
    const article = await db.article.findUniqueOrThrow({ where: { id: created.article.id }, select: { id: true, text: true } });
    const data = PARAGRAPHS.flatMap((p) => {
      const at = article.text.indexOf(p);
      return [0, 10, 20, 30].map((k) => {
        const s = describeSpan(article.text, at + k, at + k + 12);
        return { workspaceId: workspace.id, articleId: article.id, createdById: admin.id, exact: s.quote.exact, prefix: s.quote.prefix, suffix: s.quote.suffix, start: s.position.start, end: s.position.end, anchoredRevision: 1 };
      });
    });
    await db.annotation.createMany({ data });
    const reader = await makeMember(workspace.id, "viewer");
    const readerAccess = await authorize(reader.user.id, workspace.slug, "workspace.view");
    const scope = { kind: "article" as const, articleId: article.id };
    const whole = JSON.stringify(await listAnnotations(readerAccess, article.id));
    expect(whole.length).toBeGreaterThan(2_000_000);

    // A teammate highlights a passage.
    const after = await latestSeq(workspace.id);
    const annotator = await authorize(admin.id, workspace.slug, "annotation.create");
    const words = "figure 17493 for the harbour";
    const start = article.text.indexOf(words);
    const made = await createAnnotation(annotator, article.id, { start, end: start + words.length, revision: 1 });
    const poll = await listChanges(readerAccess, { after, limit: 100, scope });
    expect(poll.changes.map((c) => [c.kind, c.subjectId])).toEqual([["annotation.created", made.id]]);
    expect(JSON.stringify(poll).length).toBeLessThan(2_000);
    const fetched = await listAnnotations(readerAccess, article.id, [made.id]);
    expect(fetched.annotations.map((a) => a.id)).toEqual([made.id]);
    expect(JSON.stringify(fetched).length).toBeLessThan(2_000);

    // An edit that moves every highlight: the poll says so in two changes, without listing them (the reader loads the new text and its highlights once).
    const editor = await authorize(admin.id, workspace.slug, "article.edit");
    const before = poll.seq;
    const result = await updateArticle(editor, article.id, { baseRevision: 1, doc: docFromParagraphs(["Bridge", "A correction at the top.", ...PARAGRAPHS]), metadata: { title: "Bridge", tags: [] } });
    expect(result.reanchored).toBe(10_001);
    const edited = await listChanges(readerAccess, { after: before, limit: 100, scope });
    expect(edited.changes.map((c) => c.kind)).toEqual(["article.edited", "annotation.reanchored"]);
    expect(edited.changes[1].data).toEqual({ count: 10_001, orphaned: 0, revision: 2 });
    expect(JSON.stringify(edited).length).toBeLessThan(2_000);
  }, 180_000);
});
