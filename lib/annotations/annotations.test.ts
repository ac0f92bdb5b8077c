import { describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/permissions";
import { createArticle } from "@/lib/articles/create-article";
import { docFromParagraphs } from "@/lib/articles/document";
import { updateArticle } from "@/lib/articles/update-article";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { makeMember, makeWorkspace, unique } from "@/lib/testing/fixtures";
import { createAnnotation } from "./create-annotation";
import { deleteAnnotation } from "./delete-annotation";
import { restoreAnnotation } from "./restore-annotation";
import { listAnnotations } from "./list-annotations";

const PARAGRAPHS = [
  "The bridge carries about 40,000 vehicles a day, the council leader said on Monday.",
  "Traders say the closure will cost them a third of their customers.",
  "The repairs are expected to cost €12 million — most of it from the regional fund.",
];

async function setup() {
  const { workspace, admin } = await makeWorkspace();
  const annotator = await makeMember(workspace.id, "annotator");
  const other = await makeMember(workspace.id, "annotator");
  const created = await createArticle({
    workspaceId: workspace.id,
    actorId: admin.id,
    doc: docFromParagraphs([unique("Title"), ...PARAGRAPHS]),
    metadata: { title: "Bridge", tags: [] },
  });
  const article = await db.article.findUniqueOrThrow({ where: { id: created.article.id } });
  const as = (userId: string, action: Parameters<typeof authorize>[2] = "annotation.create") => authorize(userId, workspace.slug, action);
  return { workspace, admin, annotator: annotator.user, other: other.user, article, as };
}

function spanOf(text: string, words: string) {
  const start = text.indexOf(words);
  return { start, end: start + words.length };
}

async function expectDomainError(promise: Promise<unknown>, status: number) {
  await expect(promise).rejects.toSatisfy((err) => err instanceof DomainError && err.status === status);
}

describe("annotations", () => {
  it("stores a selection with its position and quote selectors, trimming surrounding whitespace", async () => {
    const { article, annotator, as } = await setup();
    const { start, end } = spanOf(article.text, "Traders say the closure");
    const view = await createAnnotation(await as(annotator.id), article.id, { start: start - 2, end: end + 1, revision: 1 });
    expect(article.text.slice(view.start!, view.end!)).toBe("Traders say the closure");
    expect(view.exact).toBe("Traders say the closure");
    expect(article.text.slice(view.start! - view.prefix.length, view.start!)).toBe(view.prefix);
    expect(view.status).toBe("exact");
    const events = await db.annotationEvent.findMany({ where: { annotationId: view.id } });
    expect(events.map((e) => e.kind)).toEqual(["created"]);
    // Open readers hear of it through the change feed, written in the same transaction.
    expect(await db.change.count({ where: { articleId: article.id, kind: "annotation.created", subjectId: view.id } })).toBe(1);
  });

  it("refuses an empty or whitespace-only selection, a stale revision (409) and one the article hasn't reached (400 naming revision)", async () => {
    const { article, admin, annotator, as } = await setup();
    const access = await as(annotator.id);
    const gap = article.text.indexOf("\n\n");
    await expectDomainError(createAnnotation(access, article.id, { start: gap, end: gap + 2, revision: 1 }), 400);
    await expectDomainError(createAnnotation(access, article.id, { start: 3, end: 3, revision: 1 }), 400);
    const ahead = await createAnnotation(access, article.id, { start: 0, end: 5, revision: 2 }).catch((e: unknown) => e as DomainError);
    expect(ahead).toMatchObject({ status: 400, fields: { revision: expect.stringMatching(/no such revision yet/) } });
    await updateArticle(await as(admin.id, "article.edit"), article.id, { baseRevision: 1, doc: docFromParagraphs(["Rewritten.", ...PARAGRAPHS]), metadata: { title: "Bridge", tags: [] } });
    await expectDomainError(createAnnotation(access, article.id, { start: 0, end: 5, revision: 1 }), 409);
    expect(await db.annotation.count({ where: { articleId: article.id } })).toBe(0);
  });

  it("a viewer may not annotate", async () => {
    const { workspace, article } = await setup();
    const viewer = await makeMember(workspace.id, "viewer");
    await expectDomainError(authorize(viewer.user.id, workspace.slug, "annotation.create"), 403);
    expect(await db.annotation.count({ where: { articleId: article.id } })).toBe(0);
  });

  it("annotators delete only their own highlights; admins delete and restore any, and it is recorded", async () => {
    const { article, annotator, other, admin, as } = await setup();
    const mine = await createAnnotation(await as(annotator.id), article.id, { ...spanOf(article.text, "Traders"), revision: 1 });
    await expectDomainError(deleteAnnotation(await as(other.id), article.id, mine.id), 403);
    await deleteAnnotation(await as(annotator.id), article.id, mine.id);
    const annotatorView = await listAnnotations(await as(annotator.id), article.id);
    expect(annotatorView.annotations.map((a) => a.id)).not.toContain(mine.id);
    const adminView = await listAnnotations(await as(admin.id), article.id);
    expect(adminView.annotations.find((a) => a.id === mine.id)?.deletedBy?.id).toBe(annotator.id);
    // Another annotator can't bring it back (its author can: lib/annotations/undo.test.ts).
    await expectDomainError(restoreAnnotation(await as(other.id), article.id, mine.id), 403);
    await restoreAnnotation(await as(admin.id, "annotation.restore"), article.id, mine.id);
    const events = await db.annotationEvent.findMany({ where: { annotationId: mine.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.kind, e.actorId])).toEqual([
      ["created", annotator.id],
      ["deleted", annotator.id],
      ["restored", admin.id],
    ]);
  });

  it("an edit re-anchors highlights in the same transaction: moved, fuzzy and orphaned, never on the wrong words", async () => {
    const { article, annotator, admin, as } = await setup();
    const access = await as(annotator.id);
    const moved = await createAnnotation(access, article.id, { ...spanOf(article.text, "Traders say the closure will cost them a third of their customers."), revision: 1 });
    const fuzzy = await createAnnotation(access, article.id, { ...spanOf(article.text, "The repairs are expected to cost €12 million"), revision: 1 });
    const orphan = await createAnnotation(access, article.id, { ...spanOf(article.text, "about 40,000 vehicles a day"), revision: 1 });
    const edited = [
      "A new opening paragraph pushes everything down.",
      "The council leader spoke on Monday.",
      PARAGRAPHS[1],
      "The repairs are expected to cost €13 million — most of it from the regional fund.",
    ];
    const editor = await as(admin.id, "article.edit");
    const result = await updateArticle(editor, article.id, { baseRevision: 1, doc: docFromParagraphs(edited), metadata: { title: "Bridge", tags: [] } });
    expect(result.revision).toBe(2);
    const after = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    const rows = await db.annotation.findMany({ where: { articleId: article.id } });
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[moved.id].status).toBe("moved");
    expect(after.text.slice(byId[moved.id].start!, byId[moved.id].end!)).toBe(moved.exact);
    expect(byId[fuzzy.id].status).toBe("fuzzy");
    expect(after.text.slice(byId[fuzzy.id].start!, byId[fuzzy.id].end!)).toBe("The repairs are expected to cost €13 million");
    expect(byId[orphan.id]).toMatchObject({ status: "orphaned", start: null, end: null, exact: "about 40,000 vehicles a day" });
    expect(rows.every((r) => r.anchoredRevision === 2)).toBe(true);
    const revisions = await db.articleRevision.findMany({ where: { articleId: article.id }, orderBy: { number: "asc" } });
    expect(revisions.map((r) => r.text)).toEqual([article.text, after.text]);
    // One record of what the edit did, on the revision it made: [id, fromStart, fromEnd, fromStatus, toStart, toEnd, toStatus, errors].
    const record = revisions[1].reanchored as unknown[][];
    expect(record.map((m) => [m[0], m[6]]).sort()).toEqual([[moved.id, "moved"], [fuzzy.id, "fuzzy"], [orphan.id, "orphaned"]].sort());
  });

  it("refuses to save over a newer revision, leaving nothing half-written", async () => {
    const { article, admin, as } = await setup();
    const editor = await as(admin.id, "article.edit");
    await updateArticle(editor, article.id, { baseRevision: 1, doc: docFromParagraphs(["First edit."]), metadata: { title: "Bridge", tags: [] } });
    await expectDomainError(updateArticle(editor, article.id, { baseRevision: 1, doc: docFromParagraphs(["Stale edit."]), metadata: { title: "Bridge", tags: [] } }), 409);
    expect(await db.articleRevision.count({ where: { articleId: article.id } })).toBe(2);
  });
});
