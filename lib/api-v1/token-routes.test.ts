import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { DELETE } from "@/app/api/tokens/[tokenId]/route";
import { GET, POST } from "@/app/api/tokens/route";

/** The settings page's cookie routes; the session is set here as in lib/http/handler.test.ts. */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
});

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const req = (method: string, body?: unknown) =>
  new Request("http://localhost/api/tokens", { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

describe("/api/tokens (settings page)", () => {
  it("creates (token shown once), lists without the token, revokes", async () => {
    const { workspace, admin } = await makeWorkspace();
    session.user = admin;
    const created = await POST(req("POST", { name: "Laptop", workspace: workspace.slug }), ctx());
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; token: string };
    expect(body.token).toMatch(/^ct_/);
    const list = (await (await GET(req("GET"), ctx())).json()) as { id: string; role: string; token?: string }[];
    expect(list).toEqual([expect.objectContaining({ id: body.id, role: "admin" })]);
    expect(list[0].token).toBeUndefined();
    expect((await DELETE(req("DELETE"), ctx({ tokenId: body.id }))).status).toBe(204);
    expect(await (await GET(req("GET"), ctx())).json()).toEqual([]);
  });

  it("400 without a name; 404 for a workspace the user isn't in; 401 signed out", async () => {
    const { workspace, admin } = await makeWorkspace();
    const { workspace: other } = await makeWorkspace();
    session.user = admin;
    const bad = await POST(req("POST", { name: " ", workspace: workspace.slug }), ctx());
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: object }).errors).toHaveProperty("name");
    expect((await POST(req("POST", { name: "x", workspace: other.slug }), ctx())).status).toBe(404);
    session.user = null;
    expect((await GET(req("GET"), ctx())).status).toBe(401);
  });
});
