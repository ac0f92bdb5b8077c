import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { claimWorld, rejection } from "@/lib/claims/test-world";
import { createAnnotation } from "./create-annotation";
import { highlightPassage } from "./highlight";

/**
 * Use cases re-check their own permission: an Access granted for a lesser
 * action (a viewer's, from a "workspace.view" route) can't create anything.
 */
describe("annotation use cases re-check the actor's permission", () => {
  it("createAnnotation with a viewer's Access is 403 and stores nothing", async () => {
    const w = await claimWorld();
    const viewer = await w.as(w.viewer);
    await rejection(createAnnotation(viewer, w.first.id, { start: 0, end: 5, revision: 1 }), 403);
    expect(await db.annotation.count({ where: { articleId: w.first.id } })).toBe(0);
  });

  it("highlightPassage (highlight by quote) with a viewer's Access is 403 and stores nothing; an annotator's works", async () => {
    const w = await claimWorld();
    await rejection(highlightPassage(await w.as(w.viewer), w.first.id, { exact: "about 40,000 vehicles a day" }), 403);
    expect(await db.annotation.count({ where: { articleId: w.first.id } })).toBe(0);
    const made = await highlightPassage(await w.as(w.annotator), w.first.id, { exact: "about 40,000 vehicles a day" });
    expect(made).toMatchObject({ exact: "about 40,000 vehicles a day", status: "exact" });
  });
});

describe("offsets that cut a character in half", () => {
  it("are a 400 naming the offset, not a 500, and store nothing; offsets around the whole emoji work", async () => {
    const w = await claimWorld();
    const art = await w.article("😀😀 Emoji headline");
    const annotator = await w.as(w.annotator);
    // "😀" is two UTF-16 code units: offset 1 (or 3) falls between its halves.
    expect((await rejection(createAnnotation(annotator, art.id, { start: 1, end: 8, revision: 1 }), 400)).fields).toHaveProperty("start");
    expect((await rejection(createAnnotation(annotator, art.id, { start: 0, end: 3, revision: 1 }), 400)).fields).toHaveProperty("end");
    expect(await db.annotation.count({ where: { articleId: art.id } })).toBe(0);
    expect(await createAnnotation(annotator, art.id, { start: 0, end: 4, revision: 1 })).toMatchObject({ exact: "😀😀" });
  });
});
