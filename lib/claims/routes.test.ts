import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { makeUser } from "@/lib/testing/fixtures";
import * as claims from "@/app/api/w/[slug]/claims/route";
import * as bulk from "@/app/api/w/[slug]/claims/bulk/route";
import * as claim from "@/app/api/w/[slug]/claims/[claimId]/route";
import * as review from "@/app/api/w/[slug]/claims/[claimId]/review/route";
import * as verdict from "@/app/api/w/[slug]/claims/[claimId]/verdict/route";
import * as merge from "@/app/api/w/[slug]/claims/[claimId]/merge/route";
import * as restore from "@/app/api/w/[slug]/claims/[claimId]/restore/route";
import * as mentions from "@/app/api/w/[slug]/claims/[claimId]/mentions/route";
import * as mention from "@/app/api/w/[slug]/claims/[claimId]/mentions/[annotationId]/route";
import * as sources from "@/app/api/w/[slug]/claims/[claimId]/sources/route";
import * as sourceRoute from "@/app/api/w/[slug]/claims/[claimId]/sources/[sourceId]/route";
import * as relations from "@/app/api/w/[slug]/claims/[claimId]/relations/route";
import * as relation from "@/app/api/w/[slug]/claims/[claimId]/relations/[relationId]/route";
import * as comments from "@/app/api/w/[slug]/claims/[claimId]/comments/route";
import * as commentRoute from "@/app/api/w/[slug]/claims/[claimId]/comments/[commentId]/route";
import * as annotations from "@/app/api/w/[slug]/articles/[articleId]/annotations/route";
import { claimWorld, explanation, source } from "./test-world";

/** The session is next-auth's; everything after it (membership, permission, zod, domain, problem+json) runs for real. */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
function call(handler: Handler, method: string, params: Record<string, string>, body?: unknown, query = "") {
  const req = new Request(`http://localhost/api/x${query}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(req, { params: Promise.resolve(params) });
}

async function world() {
  const w = await claimWorld();
  const c = await w.claim("about 40,000 vehicles a day");
  const h = await w.highlight("a third of their customers");
  const p = { slug: w.workspace.slug, claimId: c.id };
  const v = { version: c.version };
  // Every route that changes something, with a valid body.
  const writes: [string, Handler, string, Record<string, string>, unknown][] = [
    ["create", claims.POST, "POST", { slug: w.workspace.slug }, { annotationId: h.id }],
    ["bulk", bulk.POST, "POST", { slug: w.workspace.slug }, { action: "submit", claimIds: [c.id] }],
    ["edit", claim.PATCH, "PATCH", p, { ...v, statement: "x" }],
    ["delete", claim.DELETE, "DELETE", p, v],
    ["review", review.POST, "POST", p, { ...v, action: "submit" }],
    ["verdict", verdict.PUT, "PUT", p, { ...v, verdict: "false" }],
    ["merge", merge.POST, "POST", p, { ...v, from: c.id }],
    ["restore", restore.POST, "POST", p, undefined],
    ["mention", mentions.POST, "POST", p, { ...v, annotationId: h.id }],
    ["unmention", mention.DELETE, "DELETE", { ...p, annotationId: c.mentions[0].annotationId }, v],
    ["source", sources.POST, "POST", p, source(c.version)],
    ["unsource", sourceRoute.DELETE, "DELETE", { ...p, sourceId: "s" }, v],
    ["edit source", sourceRoute.PATCH, "PATCH", { ...p, sourceId: "s" }, { ...v, title: "x" }],
    ["relation", relations.POST, "POST", p, { ...v, toId: "other", type: "related" }],
    ["unrelate", relation.DELETE, "DELETE", { ...p, relationId: "r" }, v],
    ["comment", comments.POST, "POST", p, { body: explanation("Hi") }],
    ["edit comment", commentRoute.PATCH, "PATCH", { ...p, commentId: "x" }, { body: explanation("Hi") }],
    ["delete comment", commentRoute.DELETE, "DELETE", { ...p, commentId: "x" }, undefined],
  ];
  return { ...w, c, p, writes };
}

describe("claims API", () => {
  it("a viewer reads everything and is refused (403) on every change", async () => {
    const w = await world();
    session.user = w.viewer;
    const list = await call(claims.GET as Handler, "GET", { slug: w.workspace.slug });
    expect(list.status).toBe(200);
    expect((await list.json()).items.map((i: { id: string }) => i.id)).toEqual([w.c.id]);
    expect((await call(claim.GET as Handler, "GET", w.p)).status).toBe(200);
    for (const [name, handler, method, params, body] of w.writes) {
      const res = await call(handler as Handler, method, params, body);
      expect(res.status, name).toBe(403);
    }
    expect((await db.claim.findUniqueOrThrow({ where: { id: w.c.id } })).version).toBe(w.c.version);
  });

  it("a non-member gets 404 for everything, reads included", async () => {
    const w = await world();
    session.user = await makeUser();
    expect((await call(claims.GET as Handler, "GET", { slug: w.workspace.slug })).status).toBe(404);
    expect((await call(claim.GET as Handler, "GET", w.p)).status).toBe(404);
    for (const [name, handler, method, params, body] of w.writes) {
      expect((await call(handler as Handler, method, params, body)).status, name).toBe(404);
    }
  });

  it("a stale version is 409 problem+json with currentVersion and the changed fields", async () => {
    const w = await world();
    session.user = w.annotator;
    const first = await call(claim.PATCH as Handler, "PATCH", w.p, { version: w.c.version, claimant: "Council leader" });
    expect(first.status).toBe(200);
    const stale = await call(verdict.PUT as Handler, "PUT", w.p, { version: w.c.version, verdict: "true" });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toBe("application/problem+json");
    const body = await stale.json();
    expect(body).toMatchObject({ status: 409, title: "Conflict", currentVersion: 2, changes: [{ field: "claimant", value: "Council leader", by: { id: w.annotator.id } }] });
  });

  it("a write with a field it doesn't take is 400 naming that field, and changes nothing (black-box, session 32)", async () => {
    const w = await world();
    session.user = w.annotator;
    // Review and verdict have their own requests: a PATCH carrying them answered 200 with the claim still unreviewed.
    const patch = await call(claim.PATCH as Handler, "PATCH", w.p, { version: w.c.version, statement: "About 40,000 vehicles a day use it", reviewState: "approved", verdict: "true" });
    expect(patch.status).toBe(400);
    expect(patch.headers.get("content-type")).toBe("application/problem+json");
    expect(Object.keys((await patch.json()).errors).sort()).toEqual(["reviewState", "verdict"]);
    const sourced = await call(sources.POST as Handler, "POST", w.p, { ...source(w.c.version), bogusField: 1 });
    expect(sourced.status).toBe(400);
    expect((await sourced.json()).errors).toHaveProperty("bogusField");
    const after = await db.claim.findUniqueOrThrow({ where: { id: w.c.id }, select: { statement: true, version: true, reviewState: true, _count: { select: { sources: true } } } });
    expect(after).toEqual({ statement: w.c.statement, version: w.c.version, reviewState: "unreviewed", _count: { sources: 0 } });
  });

  it("a relation to a claim that doesn't exist is 404 naming `toId` (black-box, session 33)", async () => {
    const w = await world();
    session.user = w.annotator;
    const res = await call(relations.POST as Handler, "POST", w.p, { version: w.c.version, toId: "cnosuchclaim000000000000", type: "contradicts" });
    expect(res.status).toBe(404);
    expect((await res.json()).errors).toEqual({ toId: "No such claim in this workspace." });
  });

  it("a highlight given end before start is 400 naming `end`, not made the other way round (black-box, session 32)", async () => {
    const w = await world();
    session.user = w.annotator;
    const article = await db.article.findFirstOrThrow({ where: { workspaceId: w.workspace.id }, select: { id: true, revision: true } });
    const before = await db.annotation.count({ where: { articleId: article.id } });
    const res = await call(annotations.POST as Handler, "POST", { slug: w.workspace.slug, articleId: article.id }, { start: 50, end: 10, revision: article.revision });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual({ end: "The end comes before the start." });
    expect(await db.annotation.count({ where: { articleId: article.id } })).toBe(before);
  });

  it("approval without prerequisites is 400 naming each; send-back without a comment is 400 on `note`", async () => {
    const w = await world();
    session.user = w.annotator;
    const submitted = await call(review.POST as Handler, "POST", w.p, { action: "submit", version: w.c.version });
    expect(submitted.status).toBe(200);
    const { version } = await submitted.json();
    session.user = w.reviewer;
    const res = await call(review.POST as Handler, "POST", w.p, { action: "approve", version });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual({ verdict: "Choose a verdict first.", explanation: "Explain the verdict first.", sources: "Add at least one source first." });
    const noNote = await call(review.POST as Handler, "POST", w.p, { action: "send-back", version });
    expect(noNote.status).toBe(400);
    expect((await noNote.json()).errors).toHaveProperty("note");
  });

  it("create answers 201 with the claim; a merged claim's GET answers where it went; list takes query filters", async () => {
    const w = await world();
    session.user = w.annotator;
    const h = await w.highlight("€12 million");
    const created = await call(claims.POST as Handler, "POST", { slug: w.workspace.slug }, { annotationId: h.id, tags: ["budget"] });
    expect(created.status).toBe(201);
    const other = await created.json();
    expect(other).toMatchObject({ statement: "€12 million", tags: ["budget"], version: 1 });
    const again = await call(claims.POST as Handler, "POST", { slug: w.workspace.slug }, { annotationId: h.id });
    expect(again.status).toBe(409);

    const filtered = await call(claims.GET as Handler, "GET", { slug: w.workspace.slug }, undefined, "?tag=budget&reviewState=unreviewed&sort=statement");
    expect((await filtered.json()).items.map((i: { id: string }) => i.id)).toEqual([other.id]);
    expect((await call(claims.GET as Handler, "GET", { slug: w.workspace.slug }, undefined, "?sort=nope")).status).toBe(400);

    session.user = w.reviewer;
    expect((await call(merge.POST as Handler, "POST", w.p, { from: other.id, version: w.c.version })).status).toBe(200);
    const gone = await call(claim.GET as Handler, "GET", { slug: w.workspace.slug, claimId: other.id });
    expect(await gone.json()).toEqual({ redirectTo: w.c.id });
  });
});
