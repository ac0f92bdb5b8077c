import { afterEach, describe, expect, it, vi } from "vitest";
import * as cookieRoute from "@/app/api/w/[slug]/articles/[articleId]/mark-as-claim/route";
import { markAsClaimEndpoint } from "@/lib/api-v1/endpoints/mark-as-claim";
import { apiWorld, call } from "@/lib/api-v1/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { markAsClaim, MOMENT_MS } from "./mark-as-claim";
import { claimWorld } from "./test-world";

/** The cookie route's session is next-auth's; everything after it runs for real. */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
});

const span = (text: string, words: string) => {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the article`);
  return { start, end: start + words.length, revision: 1 };
};

async function rejected(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

/** What the article holds: live highlights, claims, feedback rows. */
async function state(workspaceId: string, articleId: string) {
  return {
    highlights: await db.annotation.count({ where: { articleId } }),
    claims: await db.claim.count({ where: { workspaceId } }),
    feedback: await db.suggestionFeedback.count({ where: { workspaceId } }),
  };
}

describe("mark as claim, in one transaction", () => {
  it("a new claim: the highlight, the claim with it as first mention, and the feedback", async () => {
    const w = await claimWorld();
    const other = await w.claim("a third of their customers");
    const access = await w.as(w.annotator);
    const result = await markAsClaim(access, w.first.id, {
      ...span(w.first.text, "about 40,000 vehicles a day"),
      statement: "The bridge carries 40,000 vehicles a day",
      claimant: "Council leader",
      feedback: { queryText: "about 40,000 vehicles a day", items: [{ claimId: other.id, rank: 1, score: 0.4, accepted: false }] },
    });
    expect(result.claim).toMatchObject({ statement: "The bridge carries 40,000 vehicles a day", claimant: "Council leader" });
    const highlight = await db.annotation.findUniqueOrThrow({ where: { id: result.annotationId } });
    expect([highlight.exact, highlight.claimId, highlight.createdById]).toEqual(["about 40,000 vehicles a day", result.claim.id, w.annotator.id]);
    const feedback = await db.suggestionFeedback.findMany({ where: { workspaceId: w.workspace.id } });
    expect(feedback.map((f) => [f.annotationId, f.claimId, f.accepted])).toEqual([[result.annotationId, other.id, false]]);
  });

  it("attaching to an existing claim, and a plain highlight already there is used, not copied", async () => {
    const w = await claimWorld();
    const existing = await w.claim("a third of their customers");
    const plain = await w.highlight("about 40,000 vehicles a day");
    const before = await state(w.workspace.id, w.first.id);
    const result = await markAsClaim(await w.as(w.annotator), w.first.id, {
      annotationId: plain.id,
      claimId: existing.id,
      version: existing.version,
      feedback: { queryText: "about 40,000 vehicles a day", items: [{ claimId: existing.id, rank: 1, score: 0.9, accepted: true }] },
    });
    expect(result.annotationId).toBe(plain.id);
    expect(result.claim.id).toBe(existing.id);
    expect(result.claim.version).toBe(existing.version + 1);
    expect(await state(w.workspace.id, w.first.id)).toEqual({ ...before, feedback: 1 });
    expect((await db.annotation.findUniqueOrThrow({ where: { id: plain.id } })).claimId).toBe(existing.id);
  });

  it("the same words highlighted meanwhile are reused; if they are a mention already, 409 names the highlight and its claim", async () => {
    const w = await claimWorld();
    const plain = await w.highlight("about 40,000 vehicles a day", w.first, w.reviewer);
    const result = await markAsClaim(await w.as(w.annotator), w.first.id, span(w.first.text, "about 40,000 vehicles a day"));
    expect(result.annotationId).toBe(plain.id);
    const err = await rejected(markAsClaim(await w.as(w.admin), w.first.id, span(w.first.text, "about 40,000 vehicles a day")));
    expect([err.status, err.extra]).toEqual([409, { annotationId: plain.id, claimId: result.claim.id, markedAt: expect.any(String), code: "marked_moment_ago", fieldCodes: { annotationId: { code: "marked_moment_ago" } } }]);
  });

  it("X36b: a mention made long ago is not said to be 'a moment ago': 409 already_mention with when it was made", async () => {
    const w = await claimWorld();
    const words = span(w.first.text, "about 40,000 vehicles a day");
    const result = await markAsClaim(await w.as(w.annotator), w.first.id, words);
    // Made a moment ago: said so, with when.
    const recent = await rejected(markAsClaim(await w.as(w.admin), w.first.id, words));
    expect(recent.extra).toMatchObject({ code: "marked_moment_ago" });
    expect(Date.now() - Date.parse(recent.extra.markedAt as string)).toBeLessThan(MOMENT_MS);
    // The feed is append-only, so an old mention is one whose feed record is gone (a mention from before the feed, or
    // of a claim merged since): not "a moment ago" either.
    const other = await w.claim("a third of their customers");
    await db.annotation.update({ where: { id: result.annotationId }, data: { claimId: other.id } });
    const err = await rejected(markAsClaim(await w.as(w.admin), w.first.id, words));
    expect([err.status, err.extra]).toEqual([409, { annotationId: result.annotationId, claimId: other.id, markedAt: null, code: "already_mention", fieldCodes: { annotationId: { code: "already_mention" } } }]);
    expect(err.message).not.toContain("moment");
  });

  it("a failure after the highlight was made (stale claim version, claim gone, unknown suggestion) leaves nothing behind", async () => {
    const w = await claimWorld();
    const existing = await w.claim("a third of their customers");
    const access = await w.as(w.annotator);
    const words = span(w.first.text, "about 40,000 vehicles a day");
    const before = await state(w.workspace.id, w.first.id);
    // Someone else changed the claim since the dialog read its version.
    await db.claim.update({ where: { id: existing.id }, data: { version: { increment: 1 } } });
    const stale = await rejected(markAsClaim(access, w.first.id, { ...words, claimId: existing.id, version: existing.version }));
    expect(stale.status).toBe(409);
    expect((await rejected(markAsClaim(access, w.first.id, { ...words, claimId: "nosuchclaim", version: 1 }))).status).toBe(404);
    // A highlight id that names nothing: 404 naming the field (black-box s35, L3: no field had been named).
    const noHighlight = await rejected(markAsClaim(access, w.first.id, { annotationId: "nosuchhighlight", statement: "A claim" }));
    expect(noHighlight.status).toBe(404);
    expect(noHighlight.fields).toEqual({ annotationId: "No live highlight with this id in this workspace." });
    expect(noHighlight.extra.fieldCodes).toEqual({ annotationId: { code: "not_found" } });
    const badFeedback = { queryText: "x", items: [{ claimId: "nosuchclaim", rank: 1, score: 1, accepted: false }] };
    expect((await rejected(markAsClaim(access, w.first.id, { ...words, statement: "A claim", feedback: badFeedback }))).status).toBe(404);
    expect(await state(w.workspace.id, w.first.id)).toEqual(before);
    expect(await db.annotationEvent.count({ where: { annotation: { articleId: w.first.id }, kind: "created" } })).toBe(before.highlights);
  });

  it("viewers may not; reviewers and annotators may", async () => {
    const w = await claimWorld();
    const words = span(w.first.text, "about 40,000 vehicles a day");
    expect((await rejected(markAsClaim(await w.as(w.viewer), w.first.id, words))).status).toBe(403);
    expect(await db.annotation.count({ where: { articleId: w.first.id } })).toBe(0);
  });
});

describe("mark as claim over HTTP", () => {
  it("API v1 markAsClaim: 201 with the highlight and claim; a bad claim field is a 400 naming it, with no highlight written", async () => {
    const w = await apiWorld();
    const params = { ws: w.ws, articleId: w.first.id };
    const bad = await call(markAsClaimEndpoint, { token: w.tokens.annotator, params, body: { ...span(w.first.text, "about 40,000 vehicles a day"), statement: "x".repeat(2001) } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: { statement: expect.any(String) } });
    const missing = await call(markAsClaimEndpoint, { token: w.tokens.annotator, params, body: { statement: "No passage" } });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ errors: { start: expect.any(String), end: expect.any(String), revision: expect.any(String) } });
    const existing = await w.claim("a third of their customers");
    await db.claim.update({ where: { id: existing.id }, data: { version: { increment: 1 } } });
    const stale = await call(markAsClaimEndpoint, { token: w.tokens.annotator, params, body: { ...span(w.first.text, "about 40,000 vehicles a day"), claimId: existing.id, version: existing.version } });
    expect(stale.status).toBe(409);
    expect(await db.annotation.count({ where: { articleId: w.first.id, exact: "about 40,000 vehicles a day" } })).toBe(0);
    const ok = await call<{ annotationId: string; claim: { id: string; statement: string } }>(markAsClaimEndpoint, {
      token: w.tokens.annotator,
      params,
      body: { ...span(w.first.text, "about 40,000 vehicles a day"), statement: "40,000 vehicles a day" },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.claim.statement).toBe("40,000 vehicles a day");
    expect((await db.annotation.findUniqueOrThrow({ where: { id: ok.body.annotationId } })).claimId).toBe(ok.body.claim.id);
  });

  it("the reader's cookie route: a refused claim leaves no highlight; an accepted one answers the highlight", async () => {
    const w = await claimWorld();
    session.user = { id: w.annotator.id, name: "Annotator", email: "a@example.test" } as CurrentUser;
    const post = (body: unknown) =>
      cookieRoute.POST(new Request("http://localhost/api/x", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), {
        params: Promise.resolve({ slug: w.workspace.slug, articleId: w.first.id }),
      });
    const words = span(w.first.text, "about 40,000 vehicles a day");
    const refused = await post({ ...words, claimant: "c".repeat(301) });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Record<string, string> }).errors.claimant).toBeTruthy();
    const other = await w.claim("a third of their customers");
    await db.claim.update({ where: { id: other.id }, data: { version: { increment: 1 } } });
    const stale = await post({ ...words, claimId: other.id, version: other.version });
    expect(stale.status).toBe(409);
    expect(await db.annotation.count({ where: { articleId: w.first.id, exact: "about 40,000 vehicles a day" } })).toBe(0);
    const ok = await post({ ...words, claimId: other.id, version: other.version + 1 });
    expect(ok.status).toBe(201);
    const body = (await ok.json()) as { annotationId: string; claim: { id: string } };
    expect(body.claim.id).toBe(other.id);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: body.annotationId } })).claimId).toBe(other.id);
  });
});
