import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { updateArticle } from "@/lib/articles/update-article";
import { docFromParagraphs } from "@/lib/articles/document";
import * as an from "@/lib/api-v1/endpoints/annotations";
import { apiWorld, call } from "@/lib/api-v1/testing";
import { claimWorld, rejection } from "@/lib/claims/test-world";
import * as annotationsRoute from "@/app/api/w/[slug]/articles/[articleId]/annotations/route";
import { createAnnotation } from "./create-annotation";
import { deleteAnnotation } from "./delete-annotation";
import { highlightPassage } from "./highlight";

/** The session is next-auth's; everything after it (membership, permission, zod, domain, problem+json) runs for real. */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
});

function spanOf(text: string, words: string) {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return { start, end: start + words.length };
}

const live = (articleId: string) => db.annotation.findMany({ where: { articleId, deletedAt: null }, select: { id: true, start: true, end: true } });

describe("the same words are never highlighted twice", () => {
  it("a second highlight of exactly the same span is a 409 naming the existing one, also with surrounding whitespace or by quote; nothing is stored", async () => {
    const w = await claimWorld();
    const words = "about 40,000 vehicles a day";
    const first = await w.highlight(words);
    const span = spanOf(w.first.text, words);
    const again = await rejection(createAnnotation(await w.as(w.reviewer), w.first.id, { ...span, revision: 1, note: "Another note" }), 409);
    expect(again.extra).toEqual({ existingAnnotationId: first.id, code: "highlight_duplicate", fieldCodes: { start: { code: "highlight_duplicate" } } });
    expect(again.message).toContain(first.id);
    // Whitespace at either end is trimmed first, so this is the same span.
    await rejection(createAnnotation(await w.as(w.annotator), w.first.id, { start: span.start - 1, end: span.end, revision: 1 }), 409);
    await rejection(highlightPassage(await w.as(w.admin), w.first.id, { exact: words }), 409);
    expect(await live(w.first.id)).toEqual([{ id: first.id, ...span }]);
    // One highlight made, one in the feed: the refused ones left no trace.
    expect(await db.change.count({ where: { articleId: w.first.id, kind: "annotation.created" } })).toBe(1);
  });

  it("overlapping or nested spans are allowed; once the first is deleted the same words can be highlighted again", async () => {
    const w = await claimWorld();
    const first = await w.highlight("about 40,000 vehicles a day");
    await w.highlight("40,000 vehicles");
    await w.highlight("about 40,000 vehicles a day, the council");
    expect(await live(w.first.id)).toHaveLength(3);
    await deleteAnnotation(await w.as(w.annotator), w.first.id, first.id);
    const second = await w.highlight("about 40,000 vehicles a day");
    expect(second.id).not.toBe(first.id);
  });

  it("still a duplicate after an edit that changed only the article's details (offsets stay those of the current text)", async () => {
    const w = await claimWorld();
    const first = await w.highlight("a third of their customers");
    const row = await db.article.findUniqueOrThrow({ where: { id: w.first.id }, select: { doc: true, title: true } });
    await updateArticle(await w.as(w.admin), w.first.id, { baseRevision: 1, doc: row.doc as never, metadata: { title: row.title, publisher: "Daily", tags: [] } });
    const err = await rejection(createAnnotation(await w.as(w.annotator), w.first.id, { ...spanOf(w.first.text, "a third of their customers"), revision: 2 }), 409);
    expect(err.extra.existingAnnotationId).toBe(first.id);
  });

  it("after a text edit, the span is compared in the new text", async () => {
    const w = await claimWorld();
    const first = await w.highlight("a third of their customers");
    const edited = ["A new first paragraph moves everything.", "Traders say the closure will cost them a third of their customers."];
    await updateArticle(await w.as(w.admin), w.first.id, { baseRevision: 1, doc: docFromParagraphs(edited), metadata: { title: "Bridge", tags: [] } });
    const text = (await db.article.findUniqueOrThrow({ where: { id: w.first.id }, select: { text: true } })).text;
    const err = await rejection(createAnnotation(await w.as(w.annotator), w.first.id, { ...spanOf(text, "a third of their customers"), revision: 2 }), 409);
    expect(err.extra.existingAnnotationId).toBe(first.id);
  });

  it("cookie route: six identical requests at once make one highlight; the others are 409 problem+json naming it", async () => {
    const w = await claimWorld();
    session.user = { id: w.annotator.id, name: w.annotator.name, email: w.annotator.email } as CurrentUser;
    const body = { ...spanOf(w.first.text, "the council leader said on Monday"), revision: 1 };
    const params = Promise.resolve({ slug: w.workspace.slug, articleId: w.first.id });
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        annotationsRoute.POST(new Request("http://localhost/api/x", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), { params }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const created = (await responses.find((r) => r.status === 201)!.json()) as { id: string };
    for (const res of responses.filter((r) => r.status === 409)) {
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(await res.json()).toMatchObject({ status: 409, existingAnnotationId: created.id, errors: { start: expect.any(String) } });
    }
    expect(await live(w.first.id)).toEqual([{ id: created.id, start: body.start, end: body.end }]);
  });

  it("API v1: two identical requests at once (different tokens) make one annotation; the 409 is as documented and names it", async () => {
    const w = await apiWorld();
    const params = { ws: w.ws, articleId: w.first.id };
    const body = { exact: "Unemployment fell to 4.1 percent" };
    const [a, b] = await Promise.all([
      call<Record<string, unknown>>(an.createAnnotationEndpoint, { token: w.tokens.annotator, params, body }),
      call<Record<string, unknown>>(an.createAnnotationEndpoint, { token: w.tokens.admin, params, body }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const [won, lost] = a.status === 201 ? [a, b] : [b, a];
    expect(lost.body).toMatchObject({ status: 409, existingAnnotationId: won.body.id });
    expect(await live(w.first.id)).toHaveLength(1);
  });
});
