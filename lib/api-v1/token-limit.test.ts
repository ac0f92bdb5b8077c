import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { DELETE } from "@/app/api/tokens/[tokenId]/route";
import { POST } from "@/app/api/tokens/route";
import { MAX_ACTIVE_TOKENS, createApiToken } from "./tokens";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
});

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const create = (workspace: string, name = "Script") =>
  POST(new Request("http://localhost/api/tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, workspace }) }), ctx());

describe("personal API tokens: limit and caching", () => {
  it("a new token's answer is not to be stored by any cache", async () => {
    const { workspace, admin } = await makeWorkspace();
    session.user = admin;
    const res = await create(workspace.slug);
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it(`at most ${MAX_ACTIVE_TOKENS} active tokens per person: the next is a 409 naming "tokens"; revoking one makes room`, async () => {
    const { workspace, admin } = await makeWorkspace();
    session.user = admin;
    const made = [];
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) made.push(await createApiToken(admin.id, { name: `t${i}`, workspace: workspace.slug }));
    const refused = await create(workspace.slug, "one too many");
    expect(refused.status).toBe(409);
    const problem = (await refused.json()) as { detail: string; errors: Record<string, string> };
    expect(problem.detail).toContain(`${MAX_ACTIVE_TOKENS} active API tokens`);
    expect(Object.keys(problem.errors)).toEqual(["tokens"]);
    expect(await db.apiToken.count({ where: { userId: admin.id } })).toBe(MAX_ACTIVE_TOKENS);

    expect((await DELETE(new Request("http://localhost", { method: "DELETE" }), ctx({ tokenId: made[0].id }))).status).toBe(204);
    expect((await create(workspace.slug, "replacement")).status).toBe(201);
  });

  it("concurrent creations can't overshoot the limit", async () => {
    const { workspace, admin } = await makeWorkspace();
    for (let i = 0; i < MAX_ACTIVE_TOKENS - 3; i++) await createApiToken(admin.id, { name: `t${i}`, workspace: workspace.slug });
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => createApiToken(admin.id, { name: `burst ${i}`, workspace: workspace.slug })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(await db.apiToken.count({ where: { userId: admin.id, revokedAt: null } })).toBe(MAX_ACTIVE_TOKENS);
  });
});
