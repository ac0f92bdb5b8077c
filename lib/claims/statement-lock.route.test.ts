import { describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import * as claim from "@/app/api/w/[slug]/claims/[claimId]/route";
import { approveClaim } from "./change-review-state";
import { claimWorld } from "./test-world";

/** What the claim page gets when it saves a new statement on an approved claim: a 409 problem naming `statement`, which it shows beside the field. */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

describe("PATCH a claim's statement while it is approved", () => {
  it("is 409 problem+json with the reason on `statement`", async () => {
    const w = await claimWorld();
    let c = await w.readyForApproval(await w.claim("about 40,000 vehicles a day"));
    c = await approveClaim(await w.as(w.reviewer), c.id, { version: c.version });
    session.user = w.annotator;
    const res = await claim.PATCH(
      new Request("http://localhost/api/x", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ version: c.version, statement: "Reworded" }) }),
      { params: Promise.resolve({ slug: w.workspace.slug, claimId: c.id }) },
    );
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = await res.json();
    expect(body.detail).toMatch(/approved.*reopen/);
    expect(body.errors.statement).toMatch(/reopen/);
  });
});
