import { describe, expect, it } from "vitest";
import { docFromParagraphs } from "@/lib/articles/document";
import { db } from "@/lib/db/client";
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
