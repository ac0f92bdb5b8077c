import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { makeMember, makeWorkspace } from "@/lib/testing/fixtures";
import { POST } from "@/app/api/w/[slug]/import-bundle/route";
import { MAX_BUNDLE_BYTES } from "./index";

/** The session is next-auth's; membership, permission, body limit and the import run for real. */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
});

const EMPTY_BUNDLE = {
  format: "claimtrail-bundle",
  version: 1,
  exportedAt: "2024-01-01T00:00:00.000Z",
  workspace: { id: "w", slug: "w", name: "W", createdAt: "2024-01-01T00:00:00.000Z", verdictLabels: {} },
  filters: {},
  articles: [],
  annotations: [],
  claims: [],
  sources: [],
  relations: [],
  events: [],
  comments: [],
  tags: [],
  people: [],
};

function post(slug: string, body: string, query = "", headers: Record<string, string> = {}) {
  const req = new Request(`http://localhost/api/w/${slug}/import-bundle${query}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return POST(req, { params: Promise.resolve({ slug }) });
}

describe("POST /api/w/[slug]/import-bundle", () => {
  it("is for admins; a dry run by default; 422 with issues; 413 over the limit", async () => {
    const { workspace, admin } = await makeWorkspace();
    const reviewer = (await makeMember(workspace.id, "reviewer")).user;
    session.user = { ...reviewer } as CurrentUser;
    expect((await post(workspace.slug, JSON.stringify(EMPTY_BUNDLE))).status).toBe(403);

    session.user = { ...admin } as CurrentUser;
    const dry = await post(workspace.slug, JSON.stringify(EMPTY_BUNDLE));
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ dryRun: true, plan: { create: { articles: 0, claims: 0 } } });

    const bad = await post(workspace.slug, JSON.stringify({ ...EMPTY_BUNDLE, claims: [{ id: "x" }] }), "?dryRun=false");
    expect(bad.status).toBe(422);
    expect((await bad.json()).issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: "claims.0.statement" })]));

    expect((await post(workspace.slug, "{not json")).status).toBe(400);
    for (const vague of ["maybe", "FALSE", "0"]) {
      const res = await post(workspace.slug, JSON.stringify(EMPTY_BUNDLE), `?dryRun=${vague}`);
      expect(res.status, vague).toBe(400);
      expect((await res.json()).errors).toHaveProperty("dryRun");
    }
    expect((await post(workspace.slug, "{}", "", { "content-length": String(MAX_BUNDLE_BYTES + 1) })).status).toBe(413);

    const applied = await post(workspace.slug, JSON.stringify(EMPTY_BUNDLE), "?dryRun=false");
    expect(applied.status).toBe(200);
    expect(await applied.json()).toMatchObject({ dryRun: false, claims: {} });
    expect(await db.article.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });
});
