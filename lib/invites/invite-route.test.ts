import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { POST } from "@/app/api/w/[slug]/invites/route";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
});

describe("POST /api/w/:slug/invites", () => {
  it("answers the new invite link with Cache-Control: no-store", async () => {
    const { workspace, admin } = await makeWorkspace();
    session.user = admin;
    const res = await POST(
      new Request(`http://localhost/api/w/${workspace.slug}/invites`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ role: "viewer" }) }),
      { params: Promise.resolve({ slug: workspace.slug }) },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(((await res.json()) as { url: string }).url).toMatch(/\/invite\/[\w-]{40,}$/);
  });

  it("builds the link on the public address (APP_URL, else NEXTAUTH_URL), not the server's own (finding T13)", async () => {
    const { workspace, admin } = await makeWorkspace();
    session.user = admin;
    const create = () =>
      POST(new Request(`http://localhost:3101/api/w/${workspace.slug}/invites`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ role: "viewer" }) }), {
        params: Promise.resolve({ slug: workspace.slug }),
      });
    const url = async () => ((await (await create()).json()) as { url: string }).url;
    vi.stubEnv("APP_URL", "");
    vi.stubEnv("NEXTAUTH_URL", "https://factcheck.example.org/");
    try {
      expect(await url()).toMatch(/^https:\/\/factcheck\.example\.org\/invite\/[\w-]{40,}$/);
      vi.stubEnv("APP_URL", "https://desk.example.org/claimtrail");
      expect(await url()).toMatch(/^https:\/\/desk\.example\.org\/claimtrail\/invite\//);
      vi.stubEnv("APP_URL", "");
      vi.stubEnv("NEXTAUTH_URL", "");
      expect(await url()).toMatch(/^http:\/\/localhost:3101\/invite\//);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
