import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { approveClaim, reopenClaim, sendBack, submitForReview } from "./change-review-state";
import { setVerdict } from "./set-verdict";
import { addSource, removeSource } from "./sources";
import { updateClaim } from "./update-claim";
import { claimWorld, explanation, rejection, source } from "./test-world";

describe("claim review", () => {
  it("a new claim starts unreviewed with the highlighted text as its statement and the highlight as its first mention", async () => {
    const w = await claimWorld();
    const c = await w.claim("about 40,000 vehicles a day");
    expect(c).toMatchObject({ statement: "about 40,000 vehicles a day", reviewState: "unreviewed", verdict: null, version: 1, createdBy: { id: w.annotator.id } });
    expect(c.mentions).toHaveLength(1);
    expect(c.mentions[0]).toMatchObject({ exact: "about 40,000 vehicles a day", status: "exact", article: { id: w.first.id } });
    expect(c.mentions[0].before).toMatch(/The bridge carries $/);
    expect(c.events.map((e) => e.kind)).toEqual(["created"]);
    expect(c.approvalMissing).toEqual({ verdict: "Choose a verdict first.", explanation: "Explain the verdict first.", sources: "Add at least one source first." });
  });

  it("an annotator can submit a claim for review but not approve it; a reviewer approves it", async () => {
    const w = await claimWorld();
    const c = await w.readyForApproval(await w.claim("about 40,000 vehicles a day"));
    expect(c.reviewState).toBe("in-review");
    await rejection(approveClaim(await w.as(w.annotator), c.id, { version: c.version }), 403);
    const approved = await approveClaim(await w.as(w.reviewer), c.id, { version: c.version, note: "Checked the counts." });
    expect(approved).toMatchObject({ reviewState: "approved", approvedBy: { id: w.reviewer.id } });
    const [latest] = approved.events;
    expect(latest).toMatchObject({ kind: "review-state", actor: { id: w.reviewer.id }, data: { from: "in-review", to: "approved", note: "Checked the counts." } });
  });

  it("approval names exactly what is missing: verdict, explanation, sources", async () => {
    const w = await claimWorld();
    const annotator = await w.as(w.annotator);
    const reviewer = await w.as(w.reviewer);
    let c = await w.claim("a third of their customers");
    c = await submitForReview(annotator, c.id, { version: c.version });

    let err = await rejection(approveClaim(reviewer, c.id, { version: c.version }), 400);
    expect(err.fields).toEqual({ verdict: "Choose a verdict first.", explanation: "Explain the verdict first.", sources: "Add at least one source first." });

    c = await setVerdict(annotator, c.id, { verdict: "unverifiable", version: c.version });
    err = await rejection(approveClaim(reviewer, c.id, { version: c.version }), 400);
    expect(Object.keys(err.fields)).toEqual(["explanation", "sources"]);

    c = await setVerdict(annotator, c.id, { verdict: "unverifiable", explanation: explanation("   "), version: c.version });
    c = await addSource(annotator, c.id, source(c.version));
    err = await rejection(approveClaim(reviewer, c.id, { version: c.version }), 400);
    expect(err.fields).toEqual({ explanation: "Explain the verdict first." });

    c = await setVerdict(annotator, c.id, { verdict: "unverifiable", explanation: explanation("No survey exists."), version: c.version });
    c = await approveClaim(reviewer, c.id, { version: c.version });
    expect(c.reviewState).toBe("approved");
  });

  it("only a claim in review can be approved", async () => {
    const w = await claimWorld();
    const c = await w.claim("a third of their customers");
    const err = await rejection(approveClaim(await w.as(w.admin), c.id, { version: c.version }), 409);
    expect(err.message).toMatch(/submit it for review first/);
  });

  it("sending back needs a comment, which is kept with the event and in the thread; annotators can't send back", async () => {
    const w = await claimWorld();
    const c = await w.readyForApproval(await w.claim("about 40,000 vehicles a day"));
    const reviewer = await w.as(w.reviewer);
    await rejection(sendBack(reviewer, c.id, { version: c.version, note: "  " }), 400);
    await rejection(sendBack(await w.as(w.annotator), c.id, { version: c.version, note: "Fix it" }), 403);
    const back = await sendBack(reviewer, c.id, { version: c.version, note: "The 2024 count is the wrong year." });
    expect(back.reviewState).toBe("unreviewed");
    expect(back.events[0]).toMatchObject({ kind: "review-state", data: { from: "in-review", to: "unreviewed", note: "The 2024 count is the wrong year." } });
    expect(back.comments.map((x) => [x.bodyText, x.author?.id])).toEqual([["The 2024 count is the wrong year.", w.reviewer.id]]);
  });

  it("an approved claim's verdict and explanation are locked until a reviewer reopens it", async () => {
    const w = await claimWorld();
    const annotator = await w.as(w.annotator);
    const reviewer = await w.as(w.reviewer);
    let c = await w.readyForApproval(await w.claim("about 40,000 vehicles a day"));
    c = await approveClaim(reviewer, c.id, { version: c.version });

    const err = await rejection(setVerdict(annotator, c.id, { verdict: "false", version: c.version }), 409);
    expect(err.message).toMatch(/approved.*reopen/);
    await rejection(setVerdict(reviewer, c.id, { verdict: "mostly-false", explanation: explanation("Changed"), version: c.version }), 409);
    await rejection(reopenClaim(annotator, c.id, { version: c.version }), 403);
    // So is its statement, which the approval was given for; nothing is written.
    const locked = await rejection(updateClaim(annotator, c.id, { statement: "The bridge carries 40,000 vehicles a day", claimant: "Someone", version: c.version }), 409);
    expect(locked.message).toMatch(/approved.*statement.*reopen/);
    expect(locked.fields.statement).toMatch(/reopen/);
    // The claimant too: ClaimReview publishes it as the author of the claim reviewed.
    expect(locked.fields.claimant).toMatch(/reopen/);
    expect(await db.claim.findUniqueOrThrow({ where: { id: c.id }, select: { statement: true, claimant: true, version: true } })).toEqual({ statement: c.statement, claimant: c.claimant, version: c.version });
    // Tags stay editable (the desk's filing), and resending the same statement and claimant is no change.
    c = await updateClaim(annotator, c.id, { statement: c.statement, claimant: c.claimant, tags: ["transport"], version: c.version });
    expect(c).toMatchObject({ tags: ["transport"], reviewState: "approved" });

    c = await reopenClaim(reviewer, c.id, { version: c.version, note: "New count published." });
    expect(c).toMatchObject({ reviewState: "in-review", approvedAt: null });
    expect(c.events[0].data).toMatchObject({ from: "approved", to: "in-review", note: "New count published." });
    c = await setVerdict(annotator, c.id, { verdict: "false", note: "The new count is 20,000.", version: c.version });
    expect(c.verdict).toBe("false");
    c = await updateClaim(annotator, c.id, { statement: "The bridge carries 40,000 vehicles a day", version: c.version });
    expect(c.statement).toBe("The bridge carries 40,000 vehicles a day");
  });

  it("every verdict change records who, from, to and the note; explanation changes record old and new text", async () => {
    const w = await claimWorld();
    const annotator = await w.as(w.annotator);
    let c = await w.claim("€12 million");
    c = await setVerdict(annotator, c.id, { verdict: "true", explanation: explanation("Budget line 4."), note: "First look", version: c.version });
    c = await setVerdict(await w.as(w.reviewer), c.id, { verdict: "mixed", note: "Only part is regional", version: c.version });
    c = await setVerdict(annotator, c.id, { verdict: null, explanation: null, version: c.version });
    const history = c.events.filter((e) => e.kind === "verdict" || e.data.field === "explanation").reverse();
    expect(history.map((e) => [e.kind, e.actor?.id, e.data.from, e.data.to, e.data.note ?? null])).toEqual([
      ["verdict", w.annotator.id, null, "true", "First look"],
      ["edited", w.annotator.id, "", "Budget line 4.", null],
      ["verdict", w.reviewer.id, "true", "mixed", "Only part is regional"],
      ["verdict", w.annotator.id, "mixed", null, null],
      ["edited", w.annotator.id, "Budget line 4.", "", null],
    ]);
    expect(c).toMatchObject({ verdict: null, explanation: null, explanationText: "" });
  });

  it("an approved claim keeps at least one source", async () => {
    const w = await claimWorld();
    let c = await w.readyForApproval(await w.claim("about 40,000 vehicles a day"));
    c = await approveClaim(await w.as(w.reviewer), c.id, { version: c.version });
    await rejection(removeSource(await w.as(w.annotator), c.id, c.sources[0].id, { version: c.version }), 409);
    expect(await db.source.count({ where: { claimId: c.id } })).toBe(1);
  });
});
