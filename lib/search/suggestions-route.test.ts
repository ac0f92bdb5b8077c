import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { REPLACEMENT_CHARACTER_MESSAGE } from "@/lib/http/pipeline";
import { makeMember, makeWorkspace } from "@/lib/testing/fixtures";
import { POST } from "@/app/api/w/[slug]/claims/suggestions/feedback/route";
import { GET, POST as SUGGEST } from "@/app/api/w/[slug]/claims/suggestions/route";

// The session is next-auth's (it needs Next's request context); everything after it runs for real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
});

const ctx = (slug: string) => ({ params: Promise.resolve({ slug }) });
const get = (slug: string, query: string) => GET(new Request(`http://localhost/api/w/${slug}/claims/suggestions?${query}`), ctx(slug));
const post = (slug: string, body: unknown) =>
  POST(new Request(`http://localhost/api/w/${slug}/claims/suggestions/feedback`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), ctx(slug));

const suggest = (slug: string, body: unknown) =>
  SUGGEST(new Request(`http://localhost/api/w/${slug}/claims/suggestions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), ctx(slug));

/** A Russian passage of exactly `length` characters opening with `about` (the server reads a selection's first few thousand characters). */
function longRussian(length: number, about: string): string {
  const filler = " Погода в городе была тёплой, и дети весь день гуляли в парке у реки.";
  return (about + filler.repeat(Math.ceil(length / filler.length))).slice(0, length);
}

async function world() {
  const { workspace, admin } = await makeWorkspace();
  const claim = await db.claim.create({ data: { workspaceId: workspace.id, statement: "Peskov: Moscow got no direct answers from the US and NATO" } });
  const viewer = (await makeMember(workspace.id, "viewer")).user;
  return { workspace, admin, claim, viewer };
}

describe("GET /api/w/[slug]/claims/suggestions", () => {
  it("suggests for a selection (text=) and searches (q=) for any member", async () => {
    const { workspace, claim, viewer } = await world();
    session.user = viewer;

    const bySelection = await get(workspace.slug, `text=${encodeURIComponent("Peskov said Moscow had not received direct answers")}`);
    expect(bySelection.status).toBe(200);
    expect((await bySelection.json()).suggestions).toMatchObject([{ claimId: claim.id, matchedBy: "text", articleCount: 0, mentionCount: 0 }]);
    const bySearch = await get(workspace.slug, "q=pesk");
    expect((await bySearch.json()).suggestions).toMatchObject([{ claimId: claim.id }]);
    const excluded = await get(workspace.slug, `text=Peskov&exclude=${claim.id}`);
    expect((await excluded.json()).suggestions).toEqual([]);
  });

  it("reads a selection too short to tell its language in its article's (articleId=); an unknown article is a 400 naming it", async () => {
    const { workspace, viewer } = await world();
    session.user = viewer;
    // Ukrainian without a Ukrainian-only letter: by its script alone it would be read as Russian.
    const uk = await db.claim.create({ data: { workspaceId: workspace.id, statement: "Москва не отримала прямих відповідей", language: "uk" } });
    const article = await db.article.create({ data: { workspaceId: workspace.id, title: "Стаття", doc: {}, text: "текст", contentHash: `${Math.random()}`, language: "uk" } });
    const text = encodeURIComponent("отримала");

    const withArticle = await get(workspace.slug, `text=${text}&articleId=${article.id}`);
    expect((await withArticle.json()).suggestions).toMatchObject([{ claimId: uk.id, matchedBy: "text", reasons: [{ kind: "words" }] }]);
    const byScript = await get(workspace.slug, `text=${text}`);
    expect((await byScript.json()).suggestions.map((s: { matchedBy: string }) => s.matchedBy)).not.toContain("text");

    const unknown = await get(workspace.slug, `text=${text}&articleId=nope`);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors).toHaveProperty("articleId");
  });

  it("answers 400 without text or q, and 404 to non-members", async () => {
    const { workspace, viewer } = await world();
    session.user = viewer;
    expect((await get(workspace.slug, "")).status).toBe(400);
    expect((await get(workspace.slug, "q=x&limit=500")).status).toBe(400);
    session.user = (await makeWorkspace()).admin;
    expect((await get(workspace.slug, "q=peskov")).status).toBe(404);
  });
});

describe("POST /api/w/[slug]/claims/suggestions (a selection in the body)", () => {
  it("suggests for a 20,000-character Cyrillic selection (in a URL it would be about 120 KB: over Node's 16 KB header limit)", async () => {
    const { workspace, viewer } = await world();
    session.user = viewer;
    const claim = await db.claim.create({ data: { workspaceId: workspace.id, statement: "Заместитель министра Рябков: переговоры продолжатся", language: "ru" } });
    const text = longRussian(20_000, "Рябков сказал, что переговоры продолжатся.");
    expect(text).toHaveLength(20_000);
    expect(encodeURIComponent(text).length).toBeGreaterThan(16 * 1024);
    const res = await suggest(workspace.slug, { text });
    expect(res.status).toBe(200);
    expect((await res.json()).suggestions[0]).toMatchObject({ claimId: claim.id, matchedBy: "text" });
    expect((await suggest(workspace.slug, { text: `${text}x` })).status).toBe(400);
  });

  it("takes q, limit, exclude and articleId as GET does; bad fields are a 400 naming them in words, not a validator's", async () => {
    const { workspace, claim, viewer } = await world();
    session.user = viewer;
    expect((await (await suggest(workspace.slug, { q: "pesk", limit: 3 })).json()).suggestions).toMatchObject([{ claimId: claim.id }]);
    expect((await (await suggest(workspace.slug, { text: "Peskov", exclude: [claim.id] })).json()).suggestions).toEqual([]);
    for (const [body, field, message] of [
      [{ text: "x", limit: 0 }, "limit", "A whole number from 1 to 50."],
      [{ text: "x", limit: 2.5 }, "limit", "A whole number from 1 to 50."],
      [{ q: "x".repeat(501) }, "q", "At most 500 characters."],
      [{ text: "x", q: "y" }, "q", "Give text or q, not both."],
      [{}, "text", "Required unless q is given."],
      [{ text: "x", articleId: "nope" }, "articleId", "No such article in this workspace."],
    ] as const) {
      const res = await suggest(workspace.slug, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).errors[field], JSON.stringify(body)).toBe(message);
    }
  });
});

describe("GET /api/w/[slug]/claims/suggestions: input that is no text", () => {
  it("an encoded lone surrogate, invalid UTF-8 or a cut escape in text is a 400 naming text; text and q together a 400 naming q", async () => {
    const { workspace, viewer } = await world();
    session.user = viewer;
    for (const raw of ["%ED%A0%80", "%FF%FE", "%E0%A4%A", "abc%C3"]) {
      const res = await get(workspace.slug, `text=${raw}`);
      expect(res.status, raw).toBe(400);
      expect(Object.keys((await res.json()).errors), raw).toEqual(["text"]);
    }
    // A literal % (not an escape) is text. U+FFFD is what those bytes arrive as over HTTP, so in a
    // query it is refused the same way; a selection holding one still goes in the POST body.
    expect((await get(workspace.slug, "text=40%+Peskov")).status).toBe(200);
    const replacement = await get(workspace.slug, "text=a%EF%BF%BDb");
    expect(replacement.status).toBe(400);
    expect((await replacement.json()).errors).toEqual({ text: REPLACEMENT_CHARACTER_MESSAGE });
    expect((await suggest(workspace.slug, { text: "a\uFFFDb" })).status).toBe(200);
    const both = await get(workspace.slug, "text=Peskov&q=Peskov");
    expect(both.status).toBe(400);
    expect((await both.json()).errors).toEqual({ q: "Give text or q, not both." });
    const limit = await get(workspace.slug, "text=x&limit=abc");
    expect((await limit.json()).errors).toEqual({ limit: "A whole number from 1 to 50." });
  });
});

describe("POST /api/w/[slug]/claims/suggestions/feedback", () => {
  const body = (claimId: string) => ({ queryText: "Peskov said…", items: [{ claimId, rank: 1, score: 0.7, accepted: true }] });

  it("records feedback from annotators, not viewers", async () => {
    const { workspace, claim, viewer } = await world();
    session.user = viewer;
    expect((await post(workspace.slug, body(claim.id))).status).toBe(403);

    session.user = (await makeMember(workspace.id, "annotator")).user;
    const res = await post(workspace.slug, body(claim.id));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ recorded: 1 });
    expect(await db.suggestionFeedback.findMany({ where: { workspaceId: workspace.id } })).toMatchObject([{ claimId: claim.id, accepted: true, actorId: session.user.id }]);
  });

  it("rejects an empty item list", async () => {
    const { workspace, admin } = await world();
    session.user = admin;
    expect((await post(workspace.slug, { queryText: "x", items: [] })).status).toBe(400);
  });
});
