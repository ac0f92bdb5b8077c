import { describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { docFromParagraphs } from "@/lib/articles/document";
import { importAnnotationsEndpoint } from "@/lib/api-v1/endpoints/annotation-import";
import { apiWorld, call } from "@/lib/api-v1/testing";
import { db } from "@/lib/db/client";
import { unique } from "@/lib/testing/fixtures";

type Report = { dryRun: boolean; tool: string; counts: Record<string, number>; rows: { status: string; quote: string; creator: string | null }[] };

describe("POST /api/v1/workspaces/{ws}/annotation-imports", () => {
  it("dry run by default, then imports; the responses match the OpenAPI document; bad input is a 4xx naming the field", async () => {
    const w = await apiWorld();
    const url = `https://news.example/${unique("v1")}`;
    const created = await createArticle({
      workspaceId: w.workspace.id,
      actorId: w.admin.id,
      doc: docFromParagraphs(["Harbour plan", "The harbour will double in size by 2030, the minister said."]),
      metadata: { title: "Harbour plan", tags: [], url, publishedAt: null, language: null },
    });
    const hypothesis = { rows: [{ uri: url, user: "acct:lee@hypothes.is", tags: ["port"], target: [{ source: url, selector: [{ type: "TextQuoteSelector", exact: "double in size by 2030", prefix: "The harbour will " }] }] }] };
    const body = { content: JSON.stringify(hypothesis) };
    const p = { ws: w.ws };

    const dry = await call<Report>(importAnnotationsEndpoint, { token: w.tokens.annotator, params: p, body });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, tool: "hypothesis", counts: { placed: 1, moved: 0, orphaned: 0, duplicate: 0 } });
    expect(await db.annotation.count({ where: { articleId: created.article.id } })).toBe(0);

    const done = await call<Report>(importAnnotationsEndpoint, { token: w.tokens.annotator, params: p, query: { dryRun: "false" }, body });
    expect(done.body).toMatchObject({ dryRun: false, rows: [{ status: "placed", quote: "double in size by 2030", creator: "lee" }] });
    expect(await db.annotation.findMany({ where: { articleId: created.article.id }, select: { exact: true, originalCreator: true, tags: true } })).toEqual([
      { exact: "double in size by 2030", originalCreator: "lee", tags: ["port"] },
    ]);

    const viewer = await call(importAnnotationsEndpoint, { token: w.tokens.viewer, params: p, body });
    expect(viewer.status).toBe(403);
    const notJson = await call<{ errors: Record<string, string> }>(importAnnotationsEndpoint, { token: w.tokens.annotator, params: p, body: { content: "{oops" } });
    expect(notJson.status).toBe(400);
    expect(Object.keys(notJson.body.errors)).toEqual(["content"]);
    // A pretty-printed file with a typo is invalid JSON at its line and column, not "not a format" read as JSON Lines.
    for (const content of ['{\n "rows": [\n  {"text": "hi", }\n ]\n}', '[\n  {"uri": "https://x.example",\n    "target": [}\n]', '{\n  "type": "AnnotationCollection",\n  "first": {"items": [}\n}']) {
      const typo = await call<{ errors: Record<string, string>; detail: string }>(importAnnotationsEndpoint, { token: w.tokens.annotator, params: p, body: { content } });
      expect(typo.status, content).toBe(400);
      expect(typo.body.detail, content).toMatch(/^This file isn't valid JSON \(line 3, column \d+: /);
      expect(Object.keys(typo.body.errors)).toEqual(["content"]);
    }
    const multi = await call<{ detail: string }>(importAnnotationsEndpoint, { token: w.tokens.annotator, params: p, body: { content: '{\n "rows": [\n  {"text": "hi", }\n ]\n}' } });
    expect(multi.body.detail).toBe(`This file isn't valid JSON (line 3, column 18: unexpected "}").`);
    const badShape = await call<{ errors: Record<string, string>; detail: string }>(importAnnotationsEndpoint, { token: w.tokens.annotator, params: p, body: { content: JSON.stringify({ rows: [{ uri: 5, target: [] }] }) } });
    expect(badShape.status).toBe(422);
    expect(badShape.body.detail).toContain("rows[0].uri");
    const noContent = await call<{ errors: Record<string, string> }>(importAnnotationsEndpoint, { token: w.tokens.annotator, params: p, body: {} });
    expect(noContent.status).toBe(400);
    expect(Object.keys(noContent.body.errors)).toContain("content");
    const badFlag = await call(importAnnotationsEndpoint, { token: w.tokens.annotator, params: p, query: { dryRun: "yes" }, body });
    expect(badFlag.status).toBe(400);
    const missing = await call(importAnnotationsEndpoint, { token: w.tokens.annotator, params: p, body: { ...body, articleId: "nope" } });
    expect(missing.status).toBe(404);
    // An id outside the app's own characters is malformed input (400 naming it), not a missing article.
    const malformed = await call<{ errors: Record<string, string> }>(importAnnotationsEndpoint, { token: w.tokens.annotator, params: p, body: { ...body, articleId: "bad id!!" } });
    expect(malformed.status).toBe(400);
    expect(Object.keys(malformed.body.errors)).toContain("articleId");
  });
});
