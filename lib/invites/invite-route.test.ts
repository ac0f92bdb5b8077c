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
});
