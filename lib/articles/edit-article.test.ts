import { describe, expect, it } from "vitest";
import { docFromParagraphs } from "@/lib/articles/document";
import { db } from "@/lib/db/client";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { claimWorld, rejection } from "@/lib/claims/test-world";
import { editArticle } from "./edit-article";
import { updateArticle } from "./update-article";

/** Article edits re-check their own permission, whatever Access the caller was given. */
describe("article edit use cases re-check the actor's permission", () => {
  it("updateArticle with a viewer's Access is 403 and saves no revision", async () => {
    const w = await claimWorld();
    await rejection(updateArticle(await w.as(w.viewer), w.first.id, { baseRevision: 1, doc: docFromParagraphs(["Rewritten."]), metadata: { title: "Rewritten", tags: [] } }), 403);
    expect((await db.article.findUniqueOrThrow({ where: { id: w.first.id } })).revision).toBe(1);
  });

  it("editArticle (a partial edit) with a viewer's Access is 403; an annotator's changes only the fields given", async () => {
    const w = await claimWorld();
    await rejection(editArticle(await w.as(w.viewer), w.first.id, { version: 1, title: "Renamed" }), 403);
    expect((await db.article.findUniqueOrThrow({ where: { id: w.first.id } })).title).toBe(w.first.title);
    const saved = await editArticle(await w.as(w.annotator), w.first.id, { version: 1, publisher: "The Courier" });
    expect(saved.revision).toBe(2);
    const after = await db.article.findUniqueOrThrow({ where: { id: w.first.id } });
    expect(after).toMatchObject({ title: w.first.title, publisher: "The Courier", text: w.first.text });
    const stale = await rejection(editArticle(await w.as(w.annotator), w.first.id, { version: 1, title: "Late" }), 409);
    expect(stale.extra).toEqual({ currentVersion: 2 });
  });

  it("an edit that changes nothing (no body, every field as it is) saves no new revision", async () => {
    const w = await claimWorld();
    const annotator = await w.as(w.annotator);
    expect(await editArticle(annotator, w.first.id, { version: 1 })).toEqual({ revision: 1, reanchored: 0 });
    expect(await editArticle(annotator, w.first.id, { version: 1, title: w.first.title })).toEqual({ revision: 1, reanchored: 0 });
    expect((await db.article.findUniqueOrThrow({ where: { id: w.first.id } })).revision).toBe(1);
    expect((await editArticle(annotator, w.first.id, { version: 1, title: "Renamed" })).revision).toBe(2);
  });
});

describe("re-anchoring after an edit", () => {
  it("keeps a lone highlight in its paragraph when the word beside it changed, though a near-copy of the paragraph is elsewhere (black-box, session 37)", async () => {
    const w = await claimWorld();
    const item = (n: number, who: string) => `Item ${n}: the ministry said grain exports rose by 5 percent, ${who} reported.`;
    const admin = await w.as(w.admin);
    const article = await w.article("Near copies");
    await updateArticle(admin, article.id, { baseRevision: 1, doc: docFromParagraphs([item(1, "officials"), "Some other text in between.", item(2, "officials")]), metadata: { title: "Near copies", tags: [] } });
    const before = (await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { text: true } })).text;
    // Item 2's words only: no highlight before it to tell how far the text moved.
    const start = before.lastIndexOf("grain exports");
    const lone = await createAnnotation(await w.as(w.annotator), article.id, { start, end: start + "grain exports".length, revision: 2 });
    await updateArticle(admin, article.id, { baseRevision: 2, doc: docFromParagraphs(["A new first paragraph.", item(1, "officials"), "Some other text in between.", item(2, "sources")]), metadata: { title: "Near copies", tags: [] } });
    const after = (await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { text: true } })).text;
    const placed = await db.annotation.findUniqueOrThrow({ where: { id: lone.id } });
    expect(placed).toMatchObject({ status: "moved", start: after.lastIndexOf("grain exports") });
    expect(after.slice(placed.start! - 26, placed.end!)).toBe("Item 2: the ministry said grain exports");
  });

  it("an orphan stays one: a later edit that moves its twin paragraph, or writes its words again, leaves it orphaned and the twin's highlight on its words (third tester, session 39, F2)", async () => {
    const w = await claimWorld();
    const G5 = "The ministry said grain exports rose by 5 percent in March, officials added.";
    const W = "Farmers in the south welcomed the news on Tuesday.";
    const E = "Closing remarks came from the deputy minister.";
    const admin = await w.as(w.admin);
    const annotator = await w.as(w.annotator);
    const article = await w.article("Twins");
    const save = (revision: number, paragraphs: string[]) =>
      updateArticle(admin, article.id, { baseRevision: revision, doc: docFromParagraphs(paragraphs), metadata: { title: "Twins", tags: [] } });
    const textNow = async () => (await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { text: true } })).text;
    await save(1, [G5, W, G5, E]);
    const words = "grain exports rose by 5 percent";
    const text2 = await textNow();
    const h0 = await createAnnotation(annotator, article.id, { start: text2.indexOf(words), end: text2.indexOf(words) + words.length, revision: 2 });
    const h1 = await createAnnotation(annotator, article.id, { start: text2.lastIndexOf(words), end: text2.lastIndexOf(words) + words.length, revision: 2 });
    // Edit 1 deletes P0: its highlight is orphaned, the twin's moves.
    await save(2, [W, G5, E]);
    const status = async (id: string) => db.annotation.findUniqueOrThrow({ where: { id }, select: { status: true, start: true, end: true } });
    expect((await status(h0.id)).status).toBe("orphaned");
    expect((await status(h1.id)).status).toBe("moved");
    // Edit 2 moves the twin to the end and changes a word in it: its own highlight follows; the orphan stays one.
    await save(3, [W, E, G5.replace("officials", "aides")]);
    const text4 = await textNow();
    const twin = await status(h1.id);
    expect(twin.status).not.toBe("orphaned");
    expect(text4.slice(twin.start!, twin.end!)).toBe(words);
    expect((await status(h0.id)).status).toBe("orphaned");
    // Edit 3 writes the deleted paragraph again: its words are other words now; the orphan is not attached to them.
    await save(4, [G5, W, E, G5.replace("officials", "aides")]);
    expect((await status(h0.id)).status).toBe("orphaned");
    expect(await status(h1.id)).toMatchObject({ start: (await textNow()).lastIndexOf(words) });
  });

  it("moves a PDF's page starts with the text of an edit, and keeps them through an edit of the details only", async () => {
    const w = await claimWorld();
    const admin = await w.as(w.admin);
    const article = await w.article("Paged");
    const pages = ["Page one text here.", "Page two starts here and goes on.", "Page three."];
    await updateArticle(admin, article.id, { baseRevision: 1, doc: docFromParagraphs(pages), metadata: { title: "Paged", tags: [] } });
    const text = (await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { text: true } })).text;
    await db.article.update({ where: { id: article.id }, data: { pageStarts: [0, text.indexOf("Page two"), text.indexOf("Page three")] } });
    await updateArticle(admin, article.id, { baseRevision: 2, doc: docFromParagraphs(["A new lead paragraph.", "Page one longer text here.", ...pages.slice(1)]), metadata: { title: "Paged", tags: [] } });
    const edited = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { text: true, pageStarts: true } });
    expect(edited.pageStarts.map((p) => edited.text.slice(p, p + 10))).toEqual(["A new lead", "Page two s", "Page three"]);
    await updateArticle(admin, article.id, { baseRevision: 3, doc: docFromParagraphs(["A new lead paragraph.", "Page one longer text here.", ...pages.slice(1)]), metadata: { title: "Paged again", tags: [] } });
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { pageStarts: true } })).pageStarts).toEqual(edited.pageStarts);
  });
});
