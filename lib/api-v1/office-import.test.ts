import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { base64, makeDocx, makeEncryptedPdf, makePdf } from "@/lib/testing/office-files";
import * as an from "./endpoints/annotations";
import * as ar from "./endpoints/articles";
import * as cl from "./endpoints/claims";
import { apiWorld, call } from "./testing";

type J = Record<string, unknown>;

const RUNNING = { header: "Port Alder Council", footer: "Page {n}" };

/** PDF and Word uploads through API v1: base64 content, page starts on the article, pages on mentions, clear 400s. */
describe("API v1: PDF and Word import", () => {
  it("imports a PDF with its pages and language; a claim's mention says its page", async () => {
    const w = await apiWorld();
    const pdf = await makePdf([
      { headline: "Ferry timetable review", lines: ["The ferry company said crossings will run every ten minutes from June."], ...RUNNING },
      { lines: ["The council said the new timetable will cost about 2 million euros a year."], ...RUNNING },
    ]);
    const created = await call<J>(ar.createArticle, { token: w.tokens.annotator, params: { ws: w.ws }, body: { filename: "timetable.pdf", content: base64(pdf), tags: ["ferry"] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "created", article: { title: "Ferry timetable review" } });
    const articleId = (created.body.article as J).id as string;
    const got = await call<J & { text: string; pageStarts: number[] }>(ar.getArticleEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, articleId } });
    expect(got.body.language).toBe("en");
    expect(got.body.pageStarts).toHaveLength(2);
    expect(got.body.text.slice(got.body.pageStarts[1])).toMatch(/^The council said/);
    expect(got.body.text).not.toContain("Port Alder Council");

    const h = await call<J>(an.createAnnotationEndpoint, { token: w.tokens.annotator, params: { ws: w.ws, articleId }, body: { exact: "about 2 million euros a year" } });
    expect(h.status).toBe(201);
    const claim = await call<J>(cl.createClaimEndpoint, { token: w.tokens.annotator, params: { ws: w.ws }, body: { annotationId: h.body.id } });
    expect(claim.status).toBe(201);
    const read = await call<J & { mentions: J[] }>(cl.getClaimEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, claimId: claim.body.id as string } });
    expect(read.body.mentions).toMatchObject([{ page: 2, exact: "about 2 million euros a year" }]);
  });

  it("imports a Word file with format given and no file name", async () => {
    const w = await apiWorld();
    const res = await call<J>(ar.createArticle, { token: w.tokens.annotator, params: { ws: w.ws }, body: { format: "docx", content: base64(await makeDocx({ title: "Word via the API" })), publisher: "Council press office" } });
    expect(res.status).toBe(201);
    const articleId = (res.body.article as J).id as string;
    const got = await call<J & { doc: { content: { type: string }[] }; pageStarts: number[] }>(ar.getArticleEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, articleId } });
    expect(got.body).toMatchObject({ title: "Word via the API", publisher: "Council press office", pageStarts: [] });
    expect(got.body.doc.content.map((n) => n.type)).toContain("bulletList");
  });

  it("answers 400 problem+json naming content for an encrypted PDF, a scan, a fake .docx and bad base64; nothing is stored", async () => {
    const w = await apiWorld();
    const before = await db.article.count({ where: { workspaceId: w.workspace.id } });
    const cases: [J, RegExp][] = [
      [{ filename: "locked.pdf", content: base64(makeEncryptedPdf()) }, /password/],
      [{ filename: "scan.pdf", content: base64(await makePdf([{ imageOnly: true }])) }, /OCR/],
      [{ filename: "memo.docx", content: base64(new TextEncoder().encode("plain text pretending")) }, /\.docx/],
      [{ format: "pdf", content: "%%% not base64 %%%" }, /base64/],
    ];
    for (const [body, message] of cases) {
      const res = await call<J & { errors?: Record<string, string> }>(ar.createArticle, { token: w.tokens.annotator, params: { ws: w.ws }, body });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(res.body)).toMatch(message);
      expect(JSON.stringify(res.body)).toMatch(/content/);
    }
    expect(await db.article.count({ where: { workspaceId: w.workspace.id } })).toBe(before);
  });
});
