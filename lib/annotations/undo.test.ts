import { describe, expect, it } from "vitest";
import * as an from "@/lib/api-v1/endpoints/annotations";
import { apiWorld, call } from "@/lib/api-v1/testing";
import { docFromParagraphs } from "@/lib/articles/document";
import { updateArticle } from "@/lib/articles/update-article";
import { deleteClaim, restoreClaim } from "@/lib/claims/delete-claim";
import { claimWorld, PARAGRAPHS, rejection } from "@/lib/claims/test-world";
import { db } from "@/lib/db/client";
import { makeMember } from "@/lib/testing/fixtures";
import { createAnnotation } from "./create-annotation";
import { deleteAnnotation } from "./delete-annotation";
import { listAnnotations } from "./list-annotations";
import { restoreAnnotation } from "./restore-annotation";

const row = (id: string) => db.annotation.findUniqueOrThrow({ where: { id }, select: { start: true, end: true, status: true, claimId: true, deletedAt: true, deletedById: true, exact: true } });

describe("undoing a delete (restoreAnnotation)", () => {
  it("its author brings back a deleted mention of an approved claim exactly: same row, span and claim link; recorded and seen by pollers", async () => {
    const w = await claimWorld();
    const claim = await w.readyForApproval(await w.claim("about 40,000 vehicles a day"));
    const annotationId = claim.mentions[0].annotationId;
    const before = await row(annotationId);
    const annotator = await w.as(w.annotator);
    await deleteAnnotation(annotator, w.first.id, annotationId);

    const restored = await restoreAnnotation(annotator, w.first.id, annotationId);
    expect(restored).toMatchObject({ id: annotationId, start: before.start, end: before.end, deletedAt: null, claim: { id: claim.id } });
    expect(await row(annotationId)).toEqual(before);
    const events = await db.annotationEvent.findMany({ where: { annotationId }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.kind, e.actorId])).toEqual([
      ["created", w.annotator.id],
      ["deleted", w.annotator.id],
      ["restored", w.annotator.id],
    ]);
    // The restore is in the feed once, for open readers to fetch.
    expect(await db.change.count({ where: { articleId: w.first.id, kind: "annotation.restored", subjectId: annotationId } })).toBe(1);
    expect((await listAnnotations(annotator, w.first.id)).annotations.map((a) => a.id)).toContain(annotationId);
  });

  it("only its author (who deleted it) or an admin may: not another annotator, not a viewer, not the author when an admin deleted it", async () => {
    const w = await claimWorld();
    const h = await w.highlight("a third of their customers");
    const other = (await makeMember(w.workspace.id, "annotator")).user;
    await deleteAnnotation(await w.as(w.annotator), w.first.id, h.id);
    await rejection(restoreAnnotation(await w.as(other), w.first.id, h.id), 403);
    await rejection(restoreAnnotation(await w.as(w.viewer), w.first.id, h.id), 403);
    await rejection(restoreAnnotation(await w.as(w.reviewer), w.first.id, h.id), 403);
    expect((await row(h.id)).deletedAt).not.toBeNull();

    const h2 = await w.highlight("€12 million");
    await deleteAnnotation(await w.as(w.admin), w.first.id, h2.id);
    await rejection(restoreAnnotation(await w.as(w.annotator), w.first.id, h2.id), 403);
    await restoreAnnotation(await w.as(w.admin), w.first.id, h2.id);
    expect((await row(h2.id)).deletedAt).toBeNull();
  });

  it("a second undo (already restored) is 409; an unknown id or another article's is 404", async () => {
    const w = await claimWorld();
    const h = await w.highlight("a third of their customers");
    const annotator = await w.as(w.annotator);
    await deleteAnnotation(annotator, w.first.id, h.id);
    await restoreAnnotation(annotator, w.first.id, h.id);
    await rejection(restoreAnnotation(annotator, w.first.id, h.id), 409);
    await rejection(restoreAnnotation(annotator, w.first.id, "nope"), 404);
    const second = await w.article();
    await deleteAnnotation(annotator, w.first.id, h.id);
    await rejection(restoreAnnotation(annotator, second.id, h.id), 404);
    expect((await row(h.id)).deletedAt).not.toBeNull();
  });

  it("after an edit it comes back where its words are now (it was re-anchored with the others), its claim link intact", async () => {
    const w = await claimWorld();
    const claim = await w.claim("a third of their customers");
    const annotationId = claim.mentions[0].annotationId;
    const annotator = await w.as(w.annotator);
    await deleteAnnotation(annotator, w.first.id, annotationId);
    const edited = ["An opening paragraph pushes the rest down.", ...PARAGRAPHS];
    await updateArticle(await w.as(w.admin), w.first.id, { baseRevision: 1, doc: docFromParagraphs(edited), metadata: { title: "Bridge", tags: [] } });
    const text = (await db.article.findUniqueOrThrow({ where: { id: w.first.id }, select: { text: true } })).text;

    const restored = await restoreAnnotation(annotator, w.first.id, annotationId);
    expect(restored.status).toBe("moved");
    expect(text.slice(restored.start!, restored.end!)).toBe("a third of their customers");
    expect(restored.claim?.id).toBe(claim.id);
  });

  it("if someone highlighted the same words meanwhile, it stays deleted and the 409 names theirs", async () => {
    const w = await claimWorld();
    const h = await w.highlight("a third of their customers");
    const annotator = await w.as(w.annotator);
    await deleteAnnotation(annotator, w.first.id, h.id);
    const theirs = await w.highlight("a third of their customers", w.first, w.reviewer);
    const err = await rejection(restoreAnnotation(annotator, w.first.id, h.id), 409);
    expect(err.extra).toEqual({ existingAnnotationId: theirs.id, code: "highlight_duplicate", fieldCodes: { start: { code: "highlight_duplicate" } } });
    expect((await row(h.id)).deletedAt).not.toBeNull();
  });

  it("a mention of a claim deleted meanwhile comes back as a plain highlight, and is linked again when the claim is restored", async () => {
    const w = await claimWorld();
    const claim = await w.claim("a third of their customers");
    const annotationId = claim.mentions[0].annotationId;
    const annotator = await w.as(w.annotator);
    await deleteAnnotation(annotator, w.first.id, annotationId);
    await deleteClaim(await w.as(w.reviewer), claim.id, { version: claim.version });
    const restored = await restoreAnnotation(annotator, w.first.id, annotationId);
    expect(restored.claim).toBeNull();
    await restoreClaim(await w.as(w.admin), claim.id);
    expect((await row(annotationId)).claimId).toBe(claim.id);
  });

  it("API v1: POST …/restore answers the annotation as documented; 403 for another annotator's, 409 when not deleted", async () => {
    const w = await apiWorld();
    const params = { ws: w.ws, articleId: w.first.id };
    const made = await createAnnotation(await w.as(w.annotator), w.first.id, { start: w.first.text.indexOf("regional fund"), end: w.first.text.indexOf("regional fund") + 13, revision: 1 });
    expect((await call(an.deleteAnnotationEndpoint, { token: w.tokens.annotator, params: { ...params, annotationId: made.id } })).status).toBe(204);
    expect((await call(an.restoreAnnotationEndpoint, { token: w.tokens.reviewer, params: { ...params, annotationId: made.id } })).status).toBe(403);
    const restored = await call<Record<string, unknown>>(an.restoreAnnotationEndpoint, { token: w.tokens.annotator, params: { ...params, annotationId: made.id } });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: made.id, start: made.start, end: made.end, articleId: w.first.id, deletedAt: null });
    const twice = await call<Record<string, unknown>>(an.restoreAnnotationEndpoint, { token: w.tokens.annotator, params: { ...params, annotationId: made.id } });
    expect(twice.status).toBe(409);
  });
});
