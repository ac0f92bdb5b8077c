import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { makeMember, makeWorkspace } from "@/lib/testing/fixtures";
import { POST } from "@/app/api/w/[slug]/claims/suggestions/feedback/route";
import { GET } from "@/app/api/w/[slug]/claims/suggestions/route";

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
