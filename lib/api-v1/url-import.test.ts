import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { JSON_LD_PAGE, OPENGRAPH_PAGE } from "@/lib/testing/news-pages";
import { startPageServer, type PageServer } from "@/lib/testing/page-server";
import { importUrlEndpoint, previewUrlsEndpoint } from "./endpoints/url-import";
import { createArticle, getArticleEndpoint, listArticles, updateArticleEndpoint } from "./endpoints/articles";
import { apiWorld, call } from "./testing";

let site: PageServer;
let other: PageServer;
const saved = process.env.IMPORT_ALLOW_HOSTS;

beforeAll(async () => {
  other = await startPageServer({ "/inside": { body: JSON_LD_PAGE } });
  site = await startPageServer({
    "/news": { body: JSON_LD_PAGE },
    "/og": { body: OPENGRAPH_PAGE },
    "/huge": { body: `<p>${"x".repeat(6 * 1024 * 1024)}</p>` },
    "/to-private": (_req, res) => res.writeHead(302, { location: `${other.origin}/inside` }).end(),
  });
  process.env.IMPORT_ALLOW_HOSTS = site.host;
});

afterAll(async () => {
  process.env.IMPORT_ALLOW_HOSTS = saved;
  await site.close();
  await other.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("v1 URL import", () => {
  it("previews several addresses, each with its own result, as documented", async () => {
    const w = await apiWorld();
    const res = await call<Json>(previewUrlsEndpoint, {
      token: w.tokens.annotator,
      params: { ws: w.ws },
      body: { urls: [`${site.origin}/og`, `${site.origin}/huge`, `${site.origin}/to-private`, "http://169.254.169.254/latest/meta-data/"] },
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: Json) => r.kind ?? r.metadata.title)).toEqual(["Ferries to replace the bridge", "too-big", "refused-address", "refused-address"]);
    expect(other.hits.size).toBe(0);
  });

  it("imports, answers the duplicate, and the article carries the page's metadata", async () => {
    const w = await apiWorld();
    const first = await call<Json>(importUrlEndpoint, { token: w.tokens.annotator, params: { ws: w.ws }, body: { url: `${site.origin}/news`, tags: ["bridge"] } });
    expect(first.status).toBe(201);
    expect(first.headers.get("location")).toBe(`/api/v1/workspaces/${w.ws}/articles/${first.body.article.id}`);
    const article = await call<Json>(getArticleEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, articleId: first.body.article.id } });
    expect(article.body).toMatchObject({ title: "Harbour bridge to close for 18 months", author: "Ana Ruiz, Tom Berg", url: "https://harbour.example/news/bridge-to-close", tags: ["bridge"] });
    const again = await call<Json>(importUrlEndpoint, { token: w.tokens.annotator, params: { ws: w.ws }, body: { url: `${site.origin}/news` } });
    expect(again).toMatchObject({ status: 200, body: { status: "duplicate", article: { id: first.body.article.id } } });
  });

  it("the article and the list give the canonical address, the address given and the updated day; an edit changes them; one canonical address per workspace", async () => {
    const w = await apiWorld();
    const first = await call<Json>(importUrlEndpoint, { token: w.tokens.annotator, params: { ws: w.ws }, body: { url: `${site.origin}/news` } });
    const id = first.body.article.id;
    const source = { canonicalUrl: "https://harbour.example/news/bridge-to-close", originalUrl: `${site.origin}/news`, modifiedAt: "2026-03-04T00:00:00.000Z" };
    const article = await call<Json>(getArticleEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, articleId: id } });
    expect(article.body).toMatchObject(source);
    const list = await call<Json>(listArticles, { token: w.tokens.viewer, params: { ws: w.ws } });
    expect(list.body.items.find((a: Json) => a.id === id)).toMatchObject(source);

    const edited = await call<Json>(updateArticleEndpoint, { token: w.tokens.annotator, params: { ws: w.ws, articleId: id }, body: { version: 1, canonicalUrl: "https://harbour.example/bridge", modifiedAt: "2026-03-05" } });
    expect(edited.status).toBe(200);
    const after = await call<Json>(getArticleEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, articleId: id } });
    expect(after.body).toMatchObject({ canonicalUrl: "https://harbour.example/bridge", originalUrl: `${site.origin}/news`, modifiedAt: "2026-03-05T00:00:00.000Z" });

    const second = await call<Json>(importUrlEndpoint, { token: w.tokens.annotator, params: { ws: w.ws }, body: { url: `${site.origin}/og` } });
    const clash = await call<Json>(updateArticleEndpoint, { token: w.tokens.annotator, params: { ws: w.ws, articleId: second.body.article.id }, body: { version: 1, canonicalUrl: "https://harbour.example/bridge" } });
    expect(clash).toMatchObject({ status: 409, body: { errors: { canonicalUrl: expect.any(String) } } });
    const cleared = await call<Json>(updateArticleEndpoint, { token: w.tokens.annotator, params: { ws: w.ws, articleId: id }, body: { version: 2, canonicalUrl: null, modifiedAt: "" } });
    expect(cleared.status).toBe(200);
    expect((await call<Json>(getArticleEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, articleId: id } })).body).toMatchObject({ canonicalUrl: null, modifiedAt: null });
  });

  it("answers problem+json naming the field: 422 with the kind for a page, 400 for bad input, 403 for a viewer; nothing stored", async () => {
    const w = await apiWorld();
    const before = await db.article.count({ where: { workspaceId: w.workspace.id } });
    const refused = await call<Json>(importUrlEndpoint, { token: w.tokens.annotator, params: { ws: w.ws }, body: { url: `${site.origin}/to-private` } });
    expect(refused).toMatchObject({ status: 422, body: { kind: "refused-address", errors: { url: expect.stringContaining("private") } } });
    const missing = await call<Json>(importUrlEndpoint, { token: w.tokens.annotator, params: { ws: w.ws }, body: { url: `${site.origin}/nope` } });
    expect(missing).toMatchObject({ status: 422, body: { kind: "not-found" } });
    for (const body of [{}, { url: "" }, { url: "gopher://x" }, { url: `${site.origin}/news`, publishedAt: "2026-02-30" }, { url: `${site.origin}/news`, language: "not a language" }, { url: 5 }]) {
      const res = await call<Json>(importUrlEndpoint, { token: w.tokens.annotator, params: { ws: w.ws }, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.errors ?? {}).length, JSON.stringify(body)).toBeGreaterThan(0);
    }
    // The same language check as POST articles: a malformed tag is a 400 naming `language` on both, nothing stored.
    for (const language of ["zz-invalid-123", "not a language", "en-"]) {
      const fromUrl = await call<Json>(importUrlEndpoint, { token: w.tokens.annotator, params: { ws: w.ws }, body: { url: `${site.origin}/news`, language } });
      expect(fromUrl, language).toMatchObject({ status: 400, body: { errors: { language: "Use a language code like en or pt-BR." } } });
      const posted = await call<Json>(createArticle, { token: w.tokens.annotator, params: { ws: w.ws }, body: { content: "Bridge to close.", language } });
      expect(posted, language).toMatchObject({ status: 400, body: { errors: { language: "Use a language code like en or pt-BR." } } });
    }
    const badList = await call<Json>(previewUrlsEndpoint, { token: w.tokens.annotator, params: { ws: w.ws }, body: { urls: "https://x.example" } });
    expect(badList).toMatchObject({ status: 400, body: { errors: { urls: expect.any(String) } } });
    const viewer = await call<Json>(importUrlEndpoint, { token: w.tokens.viewer, params: { ws: w.ws }, body: { url: `${site.origin}/news` } });
    expect(viewer.status).toBe(403);
    expect(await db.article.count({ where: { workspaceId: w.workspace.id } })).toBe(before);
  });
});
