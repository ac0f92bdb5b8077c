import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import * as review from "@/app/api/w/[slug]/claims/[claimId]/review/route";
import * as claimRoute from "@/app/api/w/[slug]/claims/[claimId]/route";
import * as verdictRoute from "@/app/api/w/[slug]/claims/[claimId]/verdict/route";
import * as settingsRoute from "@/app/api/w/[slug]/settings/route";
import { db } from "@/lib/db/client";
import { updateWorkspaceSettings } from "@/lib/workspaces/update-settings";
import { bulkSubmitForReview } from "./bulk";
import { approveClaim, reopenClaim, sendBack, submitForReview } from "./change-review-state";
import { listClaims } from "./list-claims";
import { setVerdict } from "./set-verdict";
import { addSource } from "./sources";
import { claimWorld, explanation, rejection, source } from "./test-world";
import { updateClaim } from "./update-claim";
import type { ClaimDetail } from "./claim-dto";

/** The session is next-auth's; everything after it (membership, permission, zod, domain, problem+json) runs for real. */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: Handler, method: string, params: Record<string, string>, body?: unknown) {
  const req = new Request("http://localhost/api/x", { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const res = await handler(req, { params: Promise.resolve(params) });
  return { status: res.status, type: res.headers.get("content-type"), body: (await res.json()) as Record<string, unknown> & { errors?: Record<string, string>; detail?: string } };
}

const row = (id: string) =>
  db.claim.findUniqueOrThrow({ where: { id }, select: { version: true, reviewState: true, claimant: true, claimDate: true, tags: true, changesRequestedAt: true, changesRequestedReason: true, changesRequestedById: true } });

describe("changes requested", () => {
  it("a send-back shows as 'changes requested' with the reason on the claim and in the list (and its filter) until the next submit clears it", async () => {
    const w = await claimWorld();
    const annotator = await w.as(w.annotator);
    const reviewer = await w.as(w.reviewer);
    let c = await w.readyForApproval(await w.claim("about 40,000 vehicles a day"));
    const untouched = await w.claim("a third of their customers");
    expect(c.changesRequested).toBeNull();

    c = await sendBack(reviewer, c.id, { version: c.version, note: "Cite the 2024 count, not the 2019 one." });
    expect(c.reviewState).toBe("unreviewed");
    expect(c.changesRequested).toMatchObject({ reason: "Cite the 2024 count, not the 2019 one.", by: { id: w.reviewer.id, name: w.reviewer.name } });
    expect(Date.parse(c.changesRequested!.at)).not.toBeNaN();

    const sentBack = await listClaims(annotator, { reviewState: "changes-requested" });
    expect(sentBack.items.map((i) => i.id)).toEqual([c.id]);
    expect(sentBack.items[0].changesRequested).toMatchObject({ reason: "Cite the 2024 count, not the 2019 one." });
    // Still unreviewed underneath: the plain state filter keeps finding it, with the untouched claim.
    expect((await listClaims(annotator, { reviewState: "unreviewed" })).items.map((i) => i.id).sort()).toEqual([c.id, untouched.id].sort());
    expect((await listClaims(annotator, { reviewState: "changes-requested,in-review" })).items.map((i) => i.id)).toEqual([c.id]);
    expect((await listClaims(annotator, {})).items.find((i) => i.id === untouched.id)?.changesRequested).toBeNull();

    c = await submitForReview(annotator, c.id, { version: c.version });
    expect(c).toMatchObject({ reviewState: "in-review", changesRequested: null });
    expect(await row(c.id)).toMatchObject({ changesRequestedAt: null, changesRequestedReason: null, changesRequestedById: null });
    expect((await listClaims(annotator, { reviewState: "changes-requested" })).items).toEqual([]);
  });

  it("a bulk submit clears it too; an unknown filter value is a 400 naming reviewState", async () => {
    const w = await claimWorld();
    let c = await w.readyForApproval(await w.claim("about 40,000 vehicles a day"));
    c = await sendBack(await w.as(w.reviewer), c.id, { version: c.version, note: "Needs a second source." });
    expect((await row(c.id)).changesRequestedReason).toBe("Needs a second source.");
    const result = await bulkSubmitForReview(await w.as(w.annotator), { claimIds: [c.id] });
    expect(result.updated).toEqual([c.id]);
    expect(await row(c.id)).toMatchObject({ reviewState: "in-review", changesRequestedAt: null, changesRequestedReason: null });
    const err = await rejection(listClaims(await w.as(w.annotator), { reviewState: "sent-back" }), 400);
    expect(err.fields).toHaveProperty("reviewState");
  });
});

describe("a second person must approve", () => {
  it("is on for a new workspace: whoever set the verdict can't approve it (403 naming approver, nothing written); another reviewer can", async () => {
    const w = await claimWorld();
    expect((await db.workspace.findUniqueOrThrow({ where: { id: w.workspace.id } })).requireSecondApprover).toBe(true);
    const reviewer = await w.as(w.reviewer);
    // The reviewer writes the finding; the annotator only sends it to review.
    let c = await w.claim("about 40,000 vehicles a day");
    c = await setVerdict(reviewer, c.id, { verdict: "mostly-false", explanation: explanation("Counts show 31,000."), version: c.version });
    c = await addSource(reviewer, c.id, source(c.version));
    c = await submitForReview(await w.as(w.annotator), c.id, { version: c.version });
    expect(c.secondApproverRequired).toBe(true);
    expect(c.verdictAuthors.map((a) => a.id).sort()).toEqual([w.reviewer.id, w.annotator.id].sort());

    session.user = w.reviewer;
    const refused = await call(review.POST, "POST", { slug: w.workspace.slug, claimId: c.id }, { action: "approve", version: c.version });
    expect(refused.status).toBe(403);
    expect(refused.type).toBe("application/problem+json");
    expect(refused.body.detail).toMatch(/second person to approve.*you set, explained or submitted/);
    expect(refused.body.errors).toHaveProperty("approver");
    expect(await row(c.id)).toMatchObject({ reviewState: "in-review", version: c.version });

    const approved = await approveClaim(await w.as(w.admin), c.id, { version: c.version });
    expect(approved).toMatchObject({ reviewState: "approved", approvedBy: { id: w.admin.id } });
  });

  it("the author is whoever last set the verdict, changed the explanation or submitted it", async () => {
    const w = await claimWorld();
    const reviewer = await w.as(w.reviewer);
    const admin = await w.as(w.admin);

    // Submitted by the reviewer (the annotator wrote the finding): the reviewer may not approve.
    let submitted = await w.claim("about 40,000 vehicles a day");
    const annotator = await w.as(w.annotator);
    submitted = await setVerdict(annotator, submitted.id, { verdict: "false", explanation: explanation("No."), version: submitted.version });
    submitted = await addSource(annotator, submitted.id, source(submitted.version));
    submitted = await submitForReview(reviewer, submitted.id, { version: submitted.version });
    await rejection(approveClaim(reviewer, submitted.id, { version: submitted.version }), 403);

    // Only the explanation changed by the admin: the admin may not approve; the reviewer may.
    let explained = await w.readyForApproval(await w.claim("a third of their customers"));
    explained = await setVerdict(admin, explained.id, { verdict: explained.verdict, explanation: explanation("Survey of 40 shops."), version: explained.version });
    expect(explained.verdictAuthors.map((a) => a.id)).toContain(w.admin.id);
    await rejection(approveClaim(admin, explained.id, { version: explained.version }), 403);
    explained = await approveClaim(reviewer, explained.id, { version: explained.version });

    // Reopening alone authors nothing: the reviewer who reopens may approve again; changing the verdict makes them its author.
    explained = await reopenClaim(reviewer, explained.id, { version: explained.version, note: "Checking again." });
    const again = await approveClaim(reviewer, explained.id, { version: explained.version });
    expect(again.reviewState).toBe("approved");
    let changed = await reopenClaim(reviewer, again.id, { version: again.version });
    changed = await setVerdict(reviewer, changed.id, { verdict: "mixed", version: changed.version });
    await rejection(approveClaim(reviewer, changed.id, { version: changed.version }), 403);
  });

  it("an admin turns it off in Settings (PATCH requireSecondApprover); then the author may approve; a non-boolean is a 400 naming it", async () => {
    const w = await claimWorld();
    session.user = w.admin;
    const bad = await call(settingsRoute.PATCH, "PATCH", { slug: w.workspace.slug }, { requireSecondApprover: "no" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty("requireSecondApprover");
    const off = await call(settingsRoute.PATCH, "PATCH", { slug: w.workspace.slug }, { requireSecondApprover: false });
    expect(off.status).toBe(200);
    expect(off.body.requireSecondApprover).toBe(false);

    const reviewer = await w.as(w.reviewer);
    let c = await w.readyForApproval(await w.claim("about 40,000 vehicles a day"), w.reviewer);
    expect(c.secondApproverRequired).toBe(false);
    c = await approveClaim(reviewer, c.id, { version: c.version });
    expect(c.reviewState).toBe("approved");

    // Other settings saved later leave it as it is.
    await updateWorkspaceSettings(await w.as(w.admin), { name: "Desk renamed" });
    expect((await db.workspace.findUniqueOrThrow({ where: { id: w.workspace.id } })).requireSecondApprover).toBe(false);
  });
});

describe("versions and locks", () => {
  it("a version ahead of the claim's is a 400 on version that says so (not 'someone changed it'), with the current version; nothing is written", async () => {
    const w = await claimWorld();
    const c = await w.claim("about 40,000 vehicles a day");
    const before = await row(c.id);
    session.user = w.annotator;
    const params = { slug: w.workspace.slug, claimId: c.id };
    for (const [handler, method, body] of [
      [claimRoute.PATCH, "PATCH", { version: c.version + 5, statement: "Reworded" }],
      [verdictRoute.PUT, "PUT", { version: c.version + 5, verdict: "false" }],
      [review.POST, "POST", { action: "submit", version: c.version + 5 }],
    ] as const) {
      const res = await call(handler as Handler, method, params, body);
      expect(res.status, method).toBe(400);
      expect(res.body.detail).toMatch(/at version 1; version 6 doesn't exist yet/);
      expect(res.body.detail).not.toMatch(/someone/i);
      expect(res.body.errors).toHaveProperty("version");
      expect(res.body.currentVersion).toBe(1);
    }
    expect(await row(c.id)).toEqual(before);

    // A version behind is still someone else's change: 409 with what changed.
    const moved = await updateClaim(await w.as(w.reviewer), c.id, { version: c.version, tags: ["transport"] });
    const stale = await call(claimRoute.PATCH, "PATCH", params, { version: c.version, statement: "Reworded" });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/Someone changed this claim since you opened it/);
    expect(stale.body.currentVersion).toBe(moved.version);
  });

  it("an approved claim's claimant and claim date are locked with its statement (409 naming each, nothing written); tags and assignee stay editable", async () => {
    const w = await claimWorld();
    const annotator = await w.as(w.annotator);
    let c: ClaimDetail = await w.readyForApproval(await w.claim("about 40,000 vehicles a day", { claimant: "Council leader" }));
    c = await approveClaim(await w.as(w.reviewer), c.id, { version: c.version });
    const before = await row(c.id);

    const both = await rejection(updateClaim(annotator, c.id, { version: c.version, claimant: "Someone else", claimDate: new Date("2024-02-20"), tags: ["x"] }), 409);
    expect(both.message).toMatch(/approved, so its claimant, claim date can't change.*reopen/);
    expect(Object.keys(both.fields).sort()).toEqual(["claimDate", "claimant"]);
    expect(await row(c.id)).toEqual(before);

    // Clearing the claimant is a change too.
    const cleared = await rejection(updateClaim(annotator, c.id, { version: c.version, claimant: null }), 409);
    expect(cleared.fields).toHaveProperty("claimant");

    c = await updateClaim(annotator, c.id, { version: c.version, claimant: "Council leader", tags: ["transport"], assigneeId: w.reviewer.id });
    expect(c).toMatchObject({ reviewState: "approved", claimant: "Council leader", tags: ["transport"], assignee: { id: w.reviewer.id } });

    c = await reopenClaim(await w.as(w.reviewer), c.id, { version: c.version });
    c = await updateClaim(annotator, c.id, { version: c.version, claimant: "Mayor", claimDate: new Date("2024-02-20") });
    expect(c).toMatchObject({ claimant: "Mayor", claimDate: "2024-02-20T00:00:00.000Z" });
  });
});
