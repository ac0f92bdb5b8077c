import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { explanation } from "@/lib/claims/test-world";
import * as an from "./endpoints/annotations";
import * as ar from "./endpoints/articles";
import * as cl from "./endpoints/claims";
import * as pt from "./endpoints/claim-parts";
import { getWorkspace, listWorkspaces } from "./endpoints/workspaces";
import { apiWorld, call } from "./testing";

type J = Record<string, unknown> & { items?: J[]; nextCursor?: string | null };

describe("workspaces", () => {
  it("list and get the token's workspace with the role it acts with", async () => {
    const w = await apiWorld();
    const list = await call<J>(listWorkspaces, { token: w.tokens.reviewer });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ items: [{ slug: w.ws, name: w.workspace.name, role: "reviewer" }], nextCursor: null });
    expect((await call(getWorkspace, { token: w.tokens.viewer, params: { ws: w.ws } })).body).toMatchObject({ slug: w.ws, role: "viewer" });
  });
});

describe("articles", () => {
  it("import text, Markdown and HTML; a duplicate is 200 and stores nothing; HTML is sanitised", async () => {
    const w = await apiWorld();
    const p = { ws: w.ws };
    const md = await call<J>(ar.createArticle, { token: w.tokens.annotator, params: p, body: { format: "markdown", content: "# Harbour plan\n\nThe harbour will *double* in size.", tags: ["port"] } });
    expect(md.status).toBe(201);
    expect(md.body).toMatchObject({ status: "created", article: { title: "Harbour plan" } });
    expect(md.headers.get("location")).toMatch(/\/api\/v1\/workspaces\/.+\/articles\/.+/);
    const dup = await call<J>(ar.createArticle, { token: w.tokens.annotator, params: p, body: { format: "markdown", content: "# Harbour plan\n\nThe harbour will *double* in size." } });
    expect(dup.status).toBe(200);
    expect(dup.body).toMatchObject({ status: "duplicate", article: { id: (md.body.article as J).id } });
    const html = await call<J>(ar.createArticle, {
      token: w.tokens.annotator,
      params: p,
      body: { filename: "page.html", content: "<html><head><title>Rates</title></head><body><p onclick='x()'>Rates rise.</p><script>alert(1)</script></body></html>" },
    });
    expect(html.status).toBe(201);
    const got = await call<J>(ar.getArticleEndpoint, { token: w.tokens.viewer, params: { ...p, articleId: (html.body.article as J).id as string } });
    expect(got.body.text).toBe("Rates rise.");
    expect(JSON.stringify(got.body.doc)).not.toMatch(/script|onclick/);
    const text = await call<J>(ar.createArticle, { token: w.tokens.annotator, params: p, body: { content: "Plain title\n\nPlain body.", title: "Given title", publishedAt: "2024-05-01" } });
    expect(text.body).toMatchObject({ status: "created", article: { title: "Given title" } });
  });

  it("list with filters and cursor pages; get with ETag; 404 for another workspace's article", async () => {
    const w = await apiWorld();
    for (let i = 0; i < 3; i++) {
      await call(ar.createArticle, { token: w.tokens.annotator, params: { ws: w.ws }, body: { content: `Story ${i}\n\nBody number ${i}.`, title: `Story ${i}`, tags: i === 1 ? ["pick"] : [] } });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call<J>(ar.listArticles, { token: w.tokens.viewer, params: { ws: w.ws }, query: { limit: "2", ...(cursor ? { cursor } : {}) } });
      expect(page.status).toBe(200);
      seen.push(...page.body.items!.map((a) => a.id as string));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(4); // three plus the world's first article
    expect(new Set(seen).size).toBe(4);
    const tagged = await call<J>(ar.listArticles, { token: w.tokens.viewer, params: { ws: w.ws }, query: { tag: "pick" } });
    expect(tagged.body.items!.map((a) => a.title)).toEqual(["Story 1"]);
    const q = await call<J>(ar.listArticles, { token: w.tokens.viewer, params: { ws: w.ws }, query: { q: "story 2" } });
    expect(q.body.items!.map((a) => a.title)).toEqual(["Story 2"]);
    const bad = await call(ar.listArticles, { token: w.tokens.viewer, params: { ws: w.ws }, query: { cursor: "garbage" } });
    expect(bad.status).toBe(400);

    const got = await call<J>(ar.getArticleEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, articleId: w.first.id } });
    expect(got.body).toMatchObject({ id: w.first.id, version: 1, text: w.first.text });
    expect(got.headers.get("etag")).toBe('"1"');
    const other = await apiWorld();
    expect((await call(ar.getArticleEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, articleId: other.first.id } })).status).toBe(404);
  });

  it("update: metadata and body, re-anchoring highlights; stale version 409 with currentVersion; viewer 403", async () => {
    const w = await apiWorld();
    await w.highlight("about 40,000 vehicles a day");
    const params = { ws: w.ws, articleId: w.first.id };
    const newText = `${w.first.title}\n\nA new first paragraph.\n\n${w.first.text.split("\n\n").slice(1).join("\n\n")}`;
    const res = await call<J>(ar.updateArticleEndpoint, { token: w.tokens.annotator, params, headers: { "if-match": '"1"' }, body: { title: "Renamed", content: newText } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, reanchored: 1 });
    expect(res.headers.get("etag")).toBe('"2"');
    const after = await call<J>(ar.getArticleEndpoint, { token: w.tokens.viewer, params });
    expect(after.body).toMatchObject({ title: "Renamed", version: 2 });
    expect(after.body.text).toContain("A new first paragraph.");

    const stale = await call<J>(ar.updateArticleEndpoint, { token: w.tokens.annotator, params, body: { version: 1, title: "Again" } });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    expect((await call(ar.updateArticleEndpoint, { token: w.tokens.viewer, params, body: { version: 2, title: "x" } })).status).toBe(403);
    const disagree = await call<J>(ar.updateArticleEndpoint, { token: w.tokens.annotator, params, headers: { "if-match": '"2"' }, body: { version: 1, title: "x" } });
    expect(disagree.status).toBe(400);
    const missing = await call<J>(ar.updateArticleEndpoint, { token: w.tokens.annotator, params, body: { title: "x" } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toHaveProperty("version");
  });
});

describe("annotations", () => {
  it("create by offsets, by quote and by selectors; the stored selectors describe the span", async () => {
    const w = await apiWorld();
    const params = { ws: w.ws, articleId: w.first.id };
    const words = "about 40,000 vehicles a day";
    const start = w.first.text.indexOf(words);
    const byOffsets = await call<J>(an.createAnnotationEndpoint, { token: w.tokens.annotator, params, body: { start, end: start + words.length, revision: 1, note: "check" } });
    expect(byOffsets.status).toBe(201);
    expect(byOffsets.body).toMatchObject({ start, end: start + words.length, exact: words, note: "check", status: "exact" });
    expect(byOffsets.body.selectors).toEqual([
      { type: "TextPositionSelector", start, end: start + words.length },
      { type: "TextQuoteSelector", exact: words, prefix: expect.any(String), suffix: expect.any(String) },
    ]);

    const byQuote = await call<J>(an.createAnnotationEndpoint, { token: w.tokens.annotator, params, body: { exact: "a third of their customers" } });
    expect(byQuote.status).toBe(201);
    expect(w.first.text.slice(byQuote.body.start as number, byQuote.body.end as number)).toBe("a third of their customers");

    const bySelectors = await call<J>(an.createAnnotationEndpoint, {
      token: w.tokens.annotator,
      params,
      body: { selectors: [{ type: "TextQuoteSelector", exact: "€12 million", prefix: "expected to cost " }] },
    });
    expect(bySelectors.status).toBe(201);
    expect(bySelectors.body.exact).toBe("€12 million");

    // Trailing whitespace is left out, as in the reader.
    const spaced = await call<J>(an.createAnnotationEndpoint, { token: w.tokens.annotator, params, body: { start: w.first.text.indexOf("Unemployment"), end: w.first.text.indexOf("Unemployment") + 13 } });
    expect(spaced.body.exact).toBe("Unemployment");
  });

  it("422 for a quote that isn't in the article and for offsets outside it; 409 for a stale revision; 400 for a revision not reached, an unknown field, nothing to place", async () => {
    const w = await apiWorld();
    const params = { ws: w.ws, articleId: w.first.id };
    const highlightsBefore = await db.annotation.count({ where: { articleId: w.first.id } });
    const missing = await call<J>(an.createAnnotationEndpoint, { token: w.tokens.annotator, params, body: { exact: "words nobody ever wrote here" } });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ status: 422, errors: { exact: expect.any(String) } });
    const outside = await call<J>(an.createAnnotationEndpoint, { token: w.tokens.annotator, params, body: { start: 5, end: 10_000_000 } });
    expect(outside.status).toBe(422);
    // Reversed: a 400 naming end with its code, as on the cookie route.
    const reversed = await call<J>(an.createAnnotationEndpoint, { token: w.tokens.annotator, params, body: { start: 5, end: 2 } });
    expect(reversed.status).toBe(400);
    expect(reversed.body).toMatchObject({ errors: { end: "The end comes before the start." }, fieldCodes: { end: { code: "selection_reversed" } } });
    // A revision the article hasn't reached, or past what one can be, is the request's own error, named (black-box s38, F6).
    for (const revision of [7, 2 ** 31]) {
      const ahead = await call<J>(an.createAnnotationEndpoint, { token: w.tokens.annotator, params, body: { start: 0, end: 5, revision } });
      expect(ahead.status).toBe(400);
      expect(Object.keys(ahead.body.errors as object)).toEqual(["revision"]);
    }
    // A field it doesn't take (a misspelt revision) is refused by name, not ignored (F7).
    const misspelt = await call<J>(an.createAnnotationEndpoint, { token: w.tokens.annotator, params, body: { start: 0, end: 5, revison: 1 } });
    expect(misspelt.status).toBe(400);
    expect(JSON.stringify(misspelt.body.errors)).toContain("revison");
    // So is a misspelt key inside a selector; and a number past any offset names the field's bound, not JavaScript's.
    const inSelector = await call<J>(an.createAnnotationEndpoint, { token: w.tokens.annotator, params, body: { selectors: [{ type: "TextPositionSelector", start: 0, end: 5, strat: 1 }] } });
    expect(inSelector.status).toBe(400);
    expect(inSelector.body.errors).toEqual({ "selectors.0.strat": "Not taken here: check the spelling, or leave it out." });
    const huge = await call<J>(an.createAnnotationEndpoint, { token: w.tokens.annotator, params, body: { start: 1e20, end: 1e20 + 1, revision: 1e20 } });
    expect(huge.status).toBe(400);
    expect(huge.body).toMatchObject({
      errors: { start: "At most 2147483647.", end: "At most 2147483647.", revision: "At most 2147483647." },
      fieldCodes: { start: { code: "too_big", limit: 2147483647 }, revision: { code: "too_big", limit: 2147483647 } },
    });
    const edited = await call<J>(ar.updateArticleEndpoint, { token: w.tokens.annotator, params, headers: { "if-match": '"1"' }, body: { title: "Renamed" } });
    expect(edited.status).toBe(200);
    const stale = await call<J>(an.createAnnotationEndpoint, { token: w.tokens.annotator, params, body: { start: 0, end: 5, revision: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    expect(await db.annotation.count({ where: { articleId: w.first.id } })).toBe(highlightsBefore);
    const nothing = await call<J>(an.createAnnotationEndpoint, { token: w.tokens.annotator, params, body: { note: "?" } });
    expect(nothing.status).toBe(400);
    expect((await call(an.createAnnotationEndpoint, { token: w.tokens.viewer, params, body: { exact: "bridge" } })).status).toBe(403);
    expect((await call(an.createAnnotationEndpoint, { token: w.tokens.annotator, params: { ...params, articleId: "nope" }, body: { exact: "bridge" } })).status).toBe(404);
  });

  it("list with filters and pages, get, delete (own only for annotators), deleted ones for admins", async () => {
    const w = await apiWorld();
    const params = { ws: w.ws, articleId: w.first.id };
    const h1 = await w.highlight("about 40,000 vehicles a day");
    const h2 = await w.highlight("a third of their customers");
    await w.claim("€12 million");
    const all = await call<J>(an.listAnnotationsEndpoint, { token: w.tokens.viewer, params });
    expect(all.body.items).toHaveLength(3);
    const page1 = await call<J>(an.listAnnotationsEndpoint, { token: w.tokens.viewer, params, query: { limit: "2" } });
    const page2 = await call<J>(an.listAnnotationsEndpoint, { token: w.tokens.viewer, params, query: { limit: "2", cursor: page1.body.nextCursor! } });
    expect([...page1.body.items!, ...page2.body.items!].map((a) => a.id)).toEqual(all.body.items!.map((a) => a.id));
    expect(page2.body.nextCursor).toBeNull();
    const withClaim = await call<J>(an.listAnnotationsEndpoint, { token: w.tokens.viewer, params, query: { hasClaim: "true" } });
    expect(withClaim.body.items!.map((a) => a.exact)).toEqual(["€12 million"]);

    expect((await call<J>(an.getAnnotationEndpoint, { token: w.tokens.viewer, params: { ...params, annotationId: h1.id } })).body.id).toBe(h1.id);
    expect((await call(an.getAnnotationEndpoint, { token: w.tokens.viewer, params: { ...params, annotationId: "nope" } })).status).toBe(404);

    expect((await call(an.deleteAnnotationEndpoint, { token: w.tokens.reviewer, params: { ...params, annotationId: h1.id } })).status).toBe(403);
    expect((await call(an.deleteAnnotationEndpoint, { token: w.tokens.annotator, params: { ...params, annotationId: h1.id } })).status).toBe(204);
    expect((await call(an.deleteAnnotationEndpoint, { token: w.tokens.admin, params: { ...params, annotationId: h1.id } })).status).toBe(409);
    expect((await call(an.deleteAnnotationEndpoint, { token: w.tokens.admin, params: { ...params, annotationId: h2.id } })).status).toBe(204);
    const deleted = await call<J>(an.listAnnotationsEndpoint, { token: w.tokens.admin, params, query: { deleted: "true" } });
    expect(deleted.body.items!.map((a) => a.id).sort()).toEqual([h1.id, h2.id].sort());
    const viewerDeleted = await call<J>(an.listAnnotationsEndpoint, { token: w.tokens.viewer, params, query: { deleted: "true" } });
    expect(viewerDeleted.body.items).toEqual([]);
    // A deleted one is for admins only, one at a time too.
    expect((await call(an.getAnnotationEndpoint, { token: w.tokens.viewer, params: { ...params, annotationId: h2.id } })).status).toBe(404);
    expect((await call<J>(an.getAnnotationEndpoint, { token: w.tokens.admin, params: { ...params, annotationId: h2.id } })).body.deletedAt).not.toBeNull();
  });

  it("pages in the reader's order one at a time, orphans last, and names a cursor that isn't one of the article's (third tester, session 39, F5: pages were cut from the whole list)", async () => {
    const w = await apiWorld();
    const params = { ws: w.ws, articleId: w.first.id };
    const text = w.first.text;
    // Eleven highlights: words at the same start (longer first), and two orphans.
    const spans: [number, number][] = [[0, 3], [0, 8], [10, 14], [20, 30], [20, 25], [40, 44], [50, 55], [60, 64], [70, 74]];
    const ids: string[] = [];
    for (const [start, end] of spans) {
      const made = await call<J>(an.createAnnotationEndpoint, { token: w.tokens.annotator, params, body: { start, end } });
      expect(made.status, text.slice(start, end)).toBe(201);
      ids.push(made.body.id as string);
    }
    await db.annotation.updateMany({ where: { id: { in: [ids[1], ids[5]] } }, data: { status: "orphaned", start: null, end: null } });
    const all = await call<J>(an.listAnnotationsEndpoint, { token: w.tokens.viewer, params, query: { limit: "100" } });
    const order = all.body.items!.map((a) => [a.start, a.end]);
    expect(order.slice(0, 7)).toEqual([[0, 3], [10, 14], [20, 30], [20, 25], [50, 55], [60, 64], [70, 74]]);
    expect(order.slice(7)).toEqual([[null, null], [null, null]]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call<J>(an.listAnnotationsEndpoint, { token: w.tokens.viewer, params, query: { limit: "2", ...(cursor ? { cursor } : {}) } });
      expect(page.status).toBe(200);
      seen.push(...page.body.items!.map((a) => a.id as string));
      cursor = (page.body.nextCursor as string | null) ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.body.items!.map((a) => a.id));
    const orphans = await call<J>(an.listAnnotationsEndpoint, { token: w.tokens.viewer, params, query: { status: "orphaned" } });
    expect(orphans.body.items!.map((a) => a.id).sort()).toEqual([ids[1], ids[5]].sort());
    // Another article's annotation as the cursor: 400 naming it.
    const other = await call<J>(an.listAnnotationsEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, articleId: w.first.id }, query: { cursor: Buffer.from(JSON.stringify(["", "nosuchannotation"])).toString("base64url") } });
    expect(other.status).toBe(400);
    expect(Object.keys(other.body.errors as object)).toEqual(["cursor"]);
  });
});

describe("claims", () => {
  it("create from a highlight (201, Location, ETag), get, list with filters and cursor", async () => {
    const w = await apiWorld();
    const h = await w.highlight("about 40,000 vehicles a day");
    const created = await call<J>(cl.createClaimEndpoint, { token: w.tokens.annotator, params: { ws: w.ws }, body: { annotationId: h.id, claimant: "Council leader", tags: ["traffic"] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ statement: "about 40,000 vehicles a day", claimant: "Council leader", version: 1, reviewState: "unreviewed" });
    expect(created.headers.get("location")).toBe(`/api/v1/workspaces/${w.ws}/claims/${created.body.id}`);
    expect(created.headers.get("etag")).toBe('"1"');
    const again = await call(cl.createClaimEndpoint, { token: w.tokens.annotator, params: { ws: w.ws }, body: { annotationId: h.id } });
    expect(again.status).toBe(409);

    await w.claim("a third of their customers", { tags: ["shops"] });
    await w.claim("€12 million", { tags: ["shops"] });
    const got = await call<J>(cl.getClaimEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, claimId: created.body.id as string } });
    expect(got.body.mentions).toHaveLength(1);
    const shops = await call<J>(cl.listClaimsEndpoint, { token: w.tokens.viewer, params: { ws: w.ws }, query: { tag: "shops", sort: "statement", limit: "1" } });
    expect(shops.body.items!.map((c) => c.statement)).toEqual(["a third of their customers"]);
    const next = await call<J>(cl.listClaimsEndpoint, { token: w.tokens.viewer, params: { ws: w.ws }, query: { tag: "shops", sort: "statement", limit: "1", cursor: shops.body.nextCursor! } });
    expect(next.body.items!.map((c) => c.statement)).toEqual(["€12 million"]);
    expect(next.body.nextCursor).toBeNull();
    const bad = await call<J>(cl.listClaimsEndpoint, { token: w.tokens.viewer, params: { ws: w.ws }, query: { reviewState: "nonsense" } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty("reviewState");
    expect((await call(cl.getClaimEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, claimId: "nope" } })).status).toBe(404);
  });

  it("update with If-Match or version; stale is 409 with currentVersion and changes", async () => {
    const w = await apiWorld();
    const c = await w.claim("about 40,000 vehicles a day");
    const params = { ws: w.ws, claimId: c.id };
    const byHeader = await call<J>(cl.updateClaimEndpoint, { token: w.tokens.annotator, params, headers: { "if-match": `"${c.version}"` }, body: { claimant: "Mayor" } });
    expect(byHeader.status).toBe(200);
    expect(byHeader.body).toMatchObject({ claimant: "Mayor", version: 2 });
    const byField = await call<J>(cl.updateClaimEndpoint, { token: w.tokens.annotator, params, body: { version: 2, tags: ["a"] } });
    expect(byField.body.version).toBe(3);
    const stale = await call<J>(cl.updateClaimEndpoint, { token: w.tokens.annotator, params, body: { version: 1, statement: "Late edit" } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentVersion: 3, changes: expect.arrayContaining([expect.objectContaining({ field: "claimant" })]) });
    expect((await call(cl.updateClaimEndpoint, { token: w.tokens.viewer, params, body: { version: 3, statement: "x" } })).status).toBe(403);
    const badIfMatch = await call<J>(cl.updateClaimEndpoint, { token: w.tokens.annotator, params, headers: { "if-match": "*" }, body: { statement: "x" } });
    expect(badIfMatch.status).toBe(400);
  });

  it("verdict, review (submit, approve by a reviewer only), delete and restore", async () => {
    const w = await apiWorld();
    const c = await w.claim("about 40,000 vehicles a day");
    const params = { ws: w.ws, claimId: c.id };
    const verdict = await call<J>(cl.setVerdictEndpoint, { token: w.tokens.annotator, params, body: { version: 1, verdict: "mostly-false", explanation: explanation("Counts show 31,000.") } });
    expect(verdict.body).toMatchObject({ verdict: "mostly-false", version: 2 });
    const badVerdict = await call<J>(cl.setVerdictEndpoint, { token: w.tokens.annotator, params, body: { version: 2, verdict: "sort-of" } });
    expect(badVerdict.status).toBe(400);
    const approveEarly = await call<J>(cl.reviewClaimEndpoint, { token: w.tokens.reviewer, params, body: { version: 2, action: "approve" } });
    expect(approveEarly.status).toBe(409);
    const withSource = await call<J>(pt.addSourceEndpoint, { token: w.tokens.annotator, params, body: { version: 2, title: "Count", url: "https://example.org/c", kind: "dataset", stance: "refutes" } });
    expect(withSource.status).toBe(201);
    const submitted = await call<J>(cl.reviewClaimEndpoint, { token: w.tokens.annotator, params, headers: { "if-match": '"3"' }, body: { action: "submit" } });
    expect(submitted.body).toMatchObject({ reviewState: "in-review", version: 4 });
    expect((await call(cl.reviewClaimEndpoint, { token: w.tokens.annotator, params, body: { version: 4, action: "approve" } })).status).toBe(403);
    const approved = await call<J>(cl.reviewClaimEndpoint, { token: w.tokens.reviewer, params, body: { version: 4, action: "approve" } });
    expect(approved.body).toMatchObject({ reviewState: "approved", version: 5 });

    expect((await call(cl.deleteClaimEndpoint, { token: w.tokens.annotator, params, headers: { "if-match": '"5"' } })).status).toBe(403);
    expect((await call(cl.deleteClaimEndpoint, { token: w.tokens.reviewer, params, headers: { "if-match": '"4"' } })).status).toBe(409);
    const deleted = await call<J>(cl.deleteClaimEndpoint, { token: w.tokens.reviewer, params, headers: { "if-match": '"5"' } });
    expect(deleted.body).toMatchObject({ id: c.id, version: 6 });
    expect((await call(cl.getClaimEndpoint, { token: w.tokens.viewer, params })).status).toBe(404);
    expect((await call(cl.restoreClaimEndpoint, { token: w.tokens.reviewer, params })).status).toBe(403);
    const restored = await call<J>(cl.restoreClaimEndpoint, { token: w.tokens.admin, params });
    expect(restored.body.deletedAt).toBeNull();
  });

  it("merge a duplicate in (reviewers); the merged claim's URL answers 301 to the survivor", async () => {
    const w = await apiWorld();
    const a = await w.claim("about 40,000 vehicles a day");
    const b = await w.claim("a third of their customers");
    expect((await call(cl.mergeClaimEndpoint, { token: w.tokens.annotator, params: { ws: w.ws, claimId: a.id }, body: { from: b.id, version: 1 } })).status).toBe(403);
    const merged = await call<J>(cl.mergeClaimEndpoint, { token: w.tokens.reviewer, params: { ws: w.ws, claimId: a.id }, body: { from: b.id, version: 1 } });
    expect(merged.status).toBe(200);
    expect(merged.body.mentions).toHaveLength(2);
    const old = await call<J>(cl.getClaimEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, claimId: b.id } });
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe(`/api/v1/workspaces/${w.ws}/claims/${a.id}`);
    expect(old.body).toEqual({ mergedIntoId: a.id });
    const again = await call<J>(cl.mergeClaimEndpoint, { token: w.tokens.reviewer, params: { ws: w.ws, claimId: a.id }, body: { from: b.id, version: 1 } });
    expect(again.status).toBe(409);
    expect(again.body.currentVersion).toBe(2);
  });
});

describe("mentions, sources, relations, events", () => {
  it("mentions: attach, list, detach; a highlight already used is 409", async () => {
    const w = await apiWorld();
    const c = await w.claim("about 40,000 vehicles a day");
    const h = await w.highlight("a third of their customers");
    const params = { ws: w.ws, claimId: c.id };
    const attached = await call<J>(pt.attachMentionEndpoint, { token: w.tokens.annotator, params, headers: { "if-match": '"1"' }, body: { annotationId: h.id } });
    expect(attached.status).toBe(201);
    const list = await call<J>(pt.listMentions, { token: w.tokens.viewer, params, query: { limit: "1" } });
    expect(list.body.items).toHaveLength(1);
    const rest = await call<J>(pt.listMentions, { token: w.tokens.viewer, params, query: { limit: "1", cursor: list.body.nextCursor! } });
    expect(rest.body.items!.map((m) => m.annotationId)).toEqual([h.id]);
    expect((await call(pt.attachMentionEndpoint, { token: w.tokens.annotator, params, body: { annotationId: h.id, version: 2 } })).status).toBe(409);
    const detached = await call<J>(pt.detachMentionEndpoint, { token: w.tokens.annotator, params: { ...params, annotationId: h.id }, headers: { "if-match": '"2"' } });
    expect(detached.body.mentions).toHaveLength(1);
    expect((await call(pt.detachMentionEndpoint, { token: w.tokens.viewer, params: { ...params, annotationId: h.id }, headers: { "if-match": '"3"' } })).status).toBe(403);
  });

  it("sources: add, list by stance, get, remove; stale 409", async () => {
    const w = await apiWorld();
    const c = await w.claim("about 40,000 vehicles a day");
    const params = { ws: w.ws, claimId: c.id };
    await call(pt.addSourceEndpoint, { token: w.tokens.annotator, params, body: { version: 1, title: "For", kind: "news-report", stance: "supports" } });
    const two = await call<J>(pt.addSourceEndpoint, { token: w.tokens.annotator, params, body: { version: 2, title: "Against", kind: "dataset", stance: "refutes", url: "https://example.org/x" } });
    expect(two.body.version).toBe(3);
    const refutes = await call<J>(pt.listSources, { token: w.tokens.viewer, params, query: { stance: "refutes" } });
    expect(refutes.body.items!.map((s) => s.title)).toEqual(["Against"]);
    const id = refutes.body.items![0].id as string;
    expect((await call<J>(pt.getSource, { token: w.tokens.viewer, params: { ...params, sourceId: id } })).body.title).toBe("Against");
    expect((await call(pt.getSource, { token: w.tokens.viewer, params: { ...params, sourceId: "nope" } })).status).toBe(404);
    const stale = await call<J>(pt.removeSourceEndpoint, { token: w.tokens.annotator, params: { ...params, sourceId: id }, body: { version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(3);
    const removed = await call<J>(pt.removeSourceEndpoint, { token: w.tokens.annotator, params: { ...params, sourceId: id }, body: { version: 3 } });
    expect((removed.body.sources as J[]).map((s) => s.title)).toEqual(["For"]);
    const badKind = await call<J>(pt.addSourceEndpoint, { token: w.tokens.annotator, params, body: { version: 4, title: "x", kind: "rumour", stance: "supports" } });
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors).toHaveProperty("kind");
  });

  it("sources: edit with If-Match; the event lists the changes; bad URL 400 naming it; stale 409; viewer 403", async () => {
    const w = await apiWorld();
    const c = await w.claim("about 40,000 vehicles a day");
    const params = { ws: w.ws, claimId: c.id };
    const added = await call<J>(pt.addSourceEndpoint, { token: w.tokens.annotator, params, body: { version: 1, title: "Count", kind: "dataset", stance: "refutes", url: "https://example.org/x" } });
    const sourceId = (added.body.sources as J[])[0].id as string;
    const p = { ...params, sourceId };
    const edited = await call<J>(pt.editSourceEndpoint, { token: w.tokens.annotator, params: p, headers: { "if-match": '"2"' }, body: { url: "https://example.org/y", stance: "context" } });
    expect(edited.status).toBe(200);
    expect(edited.headers.get("etag")).toBe('"3"');
    expect((edited.body.sources as J[])[0]).toMatchObject({ id: sourceId, title: "Count", url: "https://example.org/y", stance: "context", kind: "dataset" });
    const events = await call<J>(pt.listEvents, { token: w.tokens.viewer, params: { ws: w.ws }, query: { claimId: c.id, kind: "source-edited" } });
    expect(events.body.items!.map((e) => e.data)).toEqual([
      { sourceId, title: "Count", version: 3, changes: [{ field: "url", from: "https://example.org/x", to: "https://example.org/y" }, { field: "stance", from: "refutes", to: "context" }] },
    ]);
    const badUrl = await call<J>(pt.editSourceEndpoint, { token: w.tokens.annotator, params: p, body: { version: 3, url: "ftp://example.org/y" } });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.errors).toEqual({ url: "Use an http or https address." });
    const stale = await call<J>(pt.editSourceEndpoint, { token: w.tokens.annotator, params: p, body: { version: 2, title: "Renamed" } });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(3);
    expect((await call(pt.editSourceEndpoint, { token: w.tokens.viewer, params: p, body: { version: 3, title: "Renamed" } })).status).toBe(403);
    expect((await call(pt.editSourceEndpoint, { token: w.tokens.annotator, params: { ...p, sourceId: "nope" }, body: { version: 3, title: "Renamed" } })).status).toBe(404);
    expect((await call<J>(pt.getSource, { token: w.tokens.viewer, params: p })).body).toMatchObject({ title: "Count", url: "https://example.org/y" });
  });

  it("relations: add, list by direction from both ends, remove; a duplicate is 409", async () => {
    const w = await apiWorld();
    const a = await w.claim("about 40,000 vehicles a day");
    const b = await w.claim("a third of their customers");
    const added = await call<J>(pt.addRelationEndpoint, { token: w.tokens.annotator, params: { ws: w.ws, claimId: a.id }, body: { version: 1, toId: b.id, type: "contradicts" } });
    expect(added.status).toBe(201);
    expect((await call(pt.addRelationEndpoint, { token: w.tokens.annotator, params: { ws: w.ws, claimId: a.id }, body: { version: 2, toId: b.id, type: "contradicts" } })).status).toBe(409);
    const incoming = await call<J>(pt.listRelations, { token: w.tokens.viewer, params: { ws: w.ws, claimId: b.id }, query: { direction: "incoming" } });
    expect(incoming.body.items).toMatchObject([{ type: "contradicts", direction: "incoming", other: { id: a.id } }]);
    const relationId = incoming.body.items![0].id as string;
    const removed = await call<J>(pt.removeRelationEndpoint, { token: w.tokens.annotator, params: { ws: w.ws, claimId: b.id, relationId }, body: { version: 2 } });
    expect(removed.status).toBe(200);
    expect(removed.body.relations).toEqual([]);
  });

  it("events: the workspace's history, newest first, filtered and paged; deleted claims' events only for admins", async () => {
    const w = await apiWorld();
    const a = await w.claim("about 40,000 vehicles a day");
    await w.claim("a third of their customers");
    await call(cl.updateClaimEndpoint, { token: w.tokens.annotator, params: { ws: w.ws, claimId: a.id }, body: { version: 1, claimant: "Mayor" } });
    const all = await call<J>(pt.listEvents, { token: w.tokens.viewer, params: { ws: w.ws } });
    expect(all.body.items!.map((e) => e.kind)).toEqual(["edited", "created", "created"]);
    const edited = await call<J>(pt.listEvents, { token: w.tokens.viewer, params: { ws: w.ws }, query: { kind: "edited" } });
    expect(edited.body.items).toMatchObject([{ claimId: a.id, data: { field: "claimant", to: "Mayor" } }]);
    const p1 = await call<J>(pt.listEvents, { token: w.tokens.viewer, params: { ws: w.ws }, query: { limit: "2" } });
    const p2 = await call<J>(pt.listEvents, { token: w.tokens.viewer, params: { ws: w.ws }, query: { limit: "2", cursor: p1.body.nextCursor! } });
    expect([...p1.body.items!, ...p2.body.items!].map((e) => e.id)).toEqual(all.body.items!.map((e) => e.id));
    const mine = await call<J>(pt.listEvents, { token: w.tokens.viewer, params: { ws: w.ws }, query: { claimId: a.id, since: new Date(Date.now() - 60_000).toISOString() } });
    expect(mine.body.items).toHaveLength(2);
    expect((await call(pt.listEvents, { token: w.tokens.viewer, params: { ws: w.ws }, query: { kind: "exploded" } })).status).toBe(400);

    await call(cl.deleteClaimEndpoint, { token: w.tokens.reviewer, params: { ws: w.ws, claimId: a.id }, body: { version: 2 } });
    const viewerSees = await call<J>(pt.listEvents, { token: w.tokens.viewer, params: { ws: w.ws } });
    expect(viewerSees.body.items!.every((e) => e.claimId !== a.id)).toBe(true);
    const adminSees = await call<J>(pt.listEvents, { token: w.tokens.admin, params: { ws: w.ws }, query: { claimId: a.id } });
    expect(adminSees.body.items!.map((e) => e.kind)).toEqual(["deleted", "edited", "created"]);
    expect(await db.change.count({ where: { claimId: a.id } })).toBe(3);
  });
});
