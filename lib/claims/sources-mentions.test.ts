import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import * as mentionRoute from "@/app/api/w/[slug]/claims/[claimId]/mentions/[annotationId]/route";
import * as sourceRoute from "@/app/api/w/[slug]/claims/[claimId]/sources/[sourceId]/route";
import { db } from "@/lib/db/client";
import { attachMention } from "./attach-mention";
import { approveClaim } from "./change-review-state";
import { detachMention } from "./detach-mention";
import { editSource } from "./edit-source";
import { addSource } from "./sources";
import { claimWorld, rejection, source } from "./test-world";

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

/** Everything an edit or detach could touch, to show a refused one wrote nothing. */
async function snapshot(claimId: string) {
  const [claim, sources, mentions, events] = await Promise.all([
    db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } }),
    db.source.findMany({ where: { claimId }, orderBy: { id: "asc" } }),
    db.annotation.findMany({ where: { claimId }, select: { id: true }, orderBy: { id: "asc" } }),
    db.change.count({ where: { claimId } }),
  ]);
  return { claim, sources, mentions, events };
}

async function withSource() {
  const w = await claimWorld();
  const a = await w.as(w.annotator);
  const c0 = await w.claim("about 40,000 vehicles a day");
  const c = await addSource(a, c0.id, { ...source(c0.version), publisher: "City traffic office", note: "Table 3" });
  return { ...w, a, c, s: c.sources[0] };
}

describe("editSource", () => {
  it("changes the named fields only, bumps the version and records one event with each change", async () => {
    const w = await withSource();
    const edited = await editSource(w.a, w.c.id, w.s.id, { version: w.c.version, url: "https://example.org/count-2024", stance: "context", publishedAt: new Date("2024-05-01T00:00:00Z"), note: "" });
    expect(edited.version).toBe(w.c.version + 1);
    expect(edited.sources).toHaveLength(1);
    expect(edited.sources[0]).toMatchObject({ id: w.s.id, title: "Traffic count 2024", url: "https://example.org/count-2024", stance: "context", kind: "dataset", publisher: "City traffic office", note: null, publishedAt: "2024-05-01T00:00:00.000Z" });
    expect(edited.sourcesByStance.context.map((s) => s.id)).toEqual([w.s.id]);
    const event = edited.events.find((e) => e.kind === "source-edited");
    expect(event?.actor?.id).toBe(w.annotator.id);
    expect(event?.data).toEqual({
      sourceId: w.s.id,
      title: "Traffic count 2024",
      version: w.c.version + 1,
      changes: [
        { field: "url", from: "https://example.org/count", to: "https://example.org/count-2024" },
        { field: "publishedAt", from: null, to: "2024-05-01T00:00:00.000Z" },
        { field: "stance", from: "refutes", to: "context" },
        { field: "note", from: "Table 3", to: null },
      ],
    });
  });

  it("an edit that changes nothing writes nothing", async () => {
    const w = await withSource();
    const before = await snapshot(w.c.id);
    const same = await editSource(w.a, w.c.id, w.s.id, { version: w.c.version, title: "Traffic count 2024", url: "https://example.org/count" });
    expect(same.version).toBe(w.c.version);
    expect(await snapshot(w.c.id)).toEqual(before);
  });

  it("a viewer is refused (403) and nothing is written", async () => {
    const w = await withSource();
    const before = await snapshot(w.c.id);
    await rejection(editSource(await w.as(w.viewer), w.c.id, w.s.id, { version: w.c.version, title: "Hijacked" }), 403);
    session.user = w.viewer;
    expect((await call(sourceRoute.PATCH as Handler, "PATCH", { slug: w.workspace.slug, claimId: w.c.id, sourceId: w.s.id }, { version: w.c.version, title: "Hijacked" })).status).toBe(403);
    expect(await snapshot(w.c.id)).toEqual(before);
  });

  it("bad input is 400 problem+json naming the field, and nothing is written", async () => {
    const w = await withSource();
    const before = await snapshot(w.c.id);
    session.user = w.annotator;
    const p = { slug: w.workspace.slug, claimId: w.c.id, sourceId: w.s.id };
    const badUrl = await call(sourceRoute.PATCH as Handler, "PATCH", p, { version: w.c.version, url: "example.org/count", title: "New title" });
    expect(badUrl.status).toBe(400);
    expect(badUrl.type).toBe("application/problem+json");
    expect(badUrl.body.errors).toEqual({ url: "Use an http or https address." });
    const noTitle = await call(sourceRoute.PATCH as Handler, "PATCH", p, { version: w.c.version, title: "  " });
    expect(noTitle.body.errors).toHaveProperty("title", "Give the source a title.");
    const badStance = await call(sourceRoute.PATCH as Handler, "PATCH", p, { version: w.c.version, stance: "maybe" });
    expect(badStance.body.errors).toHaveProperty("stance");
    const badDate = await call(sourceRoute.PATCH as Handler, "PATCH", p, { version: w.c.version, publishedAt: "2024-02-30" });
    expect(badDate.body.errors).toHaveProperty("publishedAt");
    const nothing = await call(sourceRoute.PATCH as Handler, "PATCH", p, { version: w.c.version });
    expect(nothing.status).toBe(400);
    const noVersion = await call(sourceRoute.PATCH as Handler, "PATCH", p, { title: "New title" });
    expect(noVersion.body.errors).toHaveProperty("version");
    expect(await snapshot(w.c.id)).toEqual(before);
  });

  it("a stale version is 409 saying the sources changed, and nothing is written; another claim's source is 404", async () => {
    const w = await withSource();
    const other = await w.as(w.reviewer);
    const moved = await addSource(other, w.c.id, source(w.c.version, { title: "Second count" }));
    const before = await snapshot(w.c.id);
    const stale = await rejection(editSource(w.a, w.c.id, w.s.id, { version: w.c.version, title: "Renamed" }), 409);
    expect(stale.extra).toMatchObject({ currentVersion: moved.version, changes: [{ field: "sources", value: 2, by: { id: w.reviewer.id } }] });
    expect(await snapshot(w.c.id)).toEqual(before);

    const elsewhere = await w.claim("a third of their customers");
    await rejection(editSource(w.a, elsewhere.id, w.s.id, { version: elsewhere.version, title: "Renamed" }), 404);
    expect(await snapshot(w.c.id)).toEqual(before);
  });

  it("an approved claim's source can be corrected, like one can be added", async () => {
    const w = await claimWorld();
    const ready = await w.readyForApproval(await w.claim("about 40,000 vehicles a day"));
    const approved = await approveClaim(await w.as(w.reviewer), ready.id, { version: ready.version });
    const edited = await editSource(await w.as(w.annotator), approved.id, approved.sources[0].id, { version: approved.version, url: "https://example.org/count-v2" });
    expect(edited).toMatchObject({ reviewState: "approved", version: approved.version + 1 });
    expect(edited.sources[0].url).toBe("https://example.org/count-v2");
  });
});

describe("detachMention", () => {
  async function twoMentions() {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const c0 = await w.claim("about 40,000 vehicles a day");
    const h = await w.highlight("a third of their customers");
    const c = await attachMention(a, c0.id, { annotationId: h.id, version: c0.version });
    return { ...w, a, c, h };
  }

  it("the highlight stays as a plain highlight, the claim loses the mention, history says so", async () => {
    const w = await twoMentions();
    session.user = w.annotator;
    const res = await call(mentionRoute.DELETE as Handler, "DELETE", { slug: w.workspace.slug, claimId: w.c.id, annotationId: w.h.id }, { version: w.c.version });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(w.c.version + 1);
    expect((res.body.mentions as { annotationId: string }[]).map((m) => m.annotationId)).toEqual([w.c.mentions[0].annotationId]);
    expect(await db.annotation.findUniqueOrThrow({ where: { id: w.h.id }, select: { claimId: true, deletedAt: true } })).toEqual({ claimId: null, deletedAt: null });
    expect(await db.change.findFirst({ where: { claimId: w.c.id, kind: "claim.mention-removed" }, select: { data: true } })).toMatchObject({ data: { annotationId: w.h.id, exact: "a third of their customers" } });
  });

  it("the claim's last mention is refused (409 naming annotationId, with the reason), and nothing is written", async () => {
    const w = await twoMentions();
    const one = await detachMention(w.a, w.c.id, w.h.id, { version: w.c.version });
    const before = await snapshot(w.c.id);
    session.user = w.annotator;
    const res = await call(mentionRoute.DELETE as Handler, "DELETE", { slug: w.workspace.slug, claimId: w.c.id, annotationId: one.mentions[0].annotationId }, { version: one.version });
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe("A claim needs at least one mention. Add another mention first, or delete the claim.");
    expect(res.body.errors).toEqual({ annotationId: "The claim's last mention." });
    expect(await snapshot(w.c.id)).toEqual(before);
  });

  it("a viewer is 403, a stale version 409, bad input 400 naming the field; none writes anything", async () => {
    const w = await twoMentions();
    const before = await snapshot(w.c.id);
    await rejection(detachMention(await w.as(w.viewer), w.c.id, w.h.id, { version: w.c.version }), 403);
    const stale = await rejection(detachMention(w.a, w.c.id, w.h.id, { version: w.c.version - 1 }), 409);
    expect(stale.extra).toMatchObject({ currentVersion: w.c.version, changes: [{ field: "mentions", value: 2 }] });
    session.user = w.annotator;
    const p = { slug: w.workspace.slug, claimId: w.c.id, annotationId: w.h.id };
    const noVersion = await call(mentionRoute.DELETE as Handler, "DELETE", p, {});
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.errors).toHaveProperty("version");
    const notAMention = await call(mentionRoute.DELETE as Handler, "DELETE", { ...p, annotationId: (await w.highlight("€12 million")).id }, { version: w.c.version });
    expect(notAMention.status).toBe(404);
    expect(await snapshot(w.c.id)).toEqual(before);
  });
});
