import { afterAll, describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/permissions";
import { createArticle } from "@/lib/articles/create-article";
import { docFromParagraphs } from "@/lib/articles/document";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { recordChange, type ChangeInput } from "@/lib/changes";
import { createClaim } from "@/lib/claims/create-claim";
import { db } from "@/lib/db/client";
import { makeMember, makeWorkspace, unique } from "@/lib/testing/fixtures";
import { LiveHub, type LiveSubscriber } from "./hub";
import { inScope, visibleTo, type LiveChange, type LiveScope } from "./live-change";
import { listChanges } from "./list-changes";
import { liveStream } from "./stream";

/** Two hubs stand for two app instances on one database; a third polls only (as where NOTIFY doesn't cross connections). */
const instanceA = new LiveHub();
const instanceB = new LiveHub();
const pollOnly = new LiveHub({ listen: false, fastPollMs: 100 });
afterAll(async () => {
  await Promise.all([instanceA.close(), instanceB.close(), pollOnly.close()]);
});

async function until<T>(what: string, probe: () => T | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function collector(accept: (c: LiveChange) => boolean = () => true) {
  const got: LiveChange[] = [];
  const resets: number[] = [];
  const sub: LiveSubscriber = { accept, deliver: (changes) => got.push(...changes), reset: (cursor) => resets.push(cursor) };
  return { got, resets, sub, seqs: () => got.map((c) => c.seq) };
}

function claimEdited(workspaceId: string, actorId: string, claimId: string, to: string): ChangeInput {
  return { kind: "claim.edited", workspaceId, actorId, claimId, data: { field: "statement", from: "before", to } };
}

const record = (change: ChangeInput) => db.$transaction((tx) => recordChange(tx, change));

async function world() {
  const { workspace, admin } = await makeWorkspace();
  const viewer = await makeMember(workspace.id, "viewer");
  const make = async () => {
    const created = await createArticle({ workspaceId: workspace.id, actorId: admin.id, doc: docFromParagraphs([unique("Title"), "The bridge carries 40,000 vehicles a day."]), metadata: { title: "Bridge", tags: [] } });
    const article = await db.article.findUniqueOrThrow({ where: { id: created.article.id } });
    const start = article.text.indexOf("40,000");
    const a = await createAnnotation(await authorize(admin.id, workspace.slug, "annotation.create"), article.id, { start, end: start + 6, revision: article.revision });
    const claim = await createClaim(await authorize(admin.id, workspace.slug, "claim.create"), { annotationId: a.id });
    return { article, annotationId: a.id, claimId: claim.id };
  };
  const first = await make();
  const second = await make();
  return { workspace, admin, viewer: viewer.user, first, second };
}

describe("live updates across instances", () => {
  it("a change reaches the streams on both instances once each, in order, and on the polling-only one too", async () => {
    const w = await world();
    const a = collector();
    const b = collector();
    const c = collector();
    const subs = await Promise.all([instanceA.subscribe(w.workspace.id, undefined, a.sub), instanceB.subscribe(w.workspace.id, undefined, b.sub), pollOnly.subscribe(w.workspace.id, undefined, c.sub)]);
    const base = subs[0].cursor;
    expect(subs.map((s) => s.cursor)).toEqual([base, base, base]);
    for (let i = 0; i < 5; i++) await record(claimEdited(w.workspace.id, w.admin.id, w.first.claimId, `v${i}`));
    const expected = [1, 2, 3, 4, 5].map((n) => base + n);
    for (const x of [a, b, c]) await until("all five changes", () => x.got.length >= 5);
    // Let any late duplicate arrive before judging.
    await new Promise((r) => setTimeout(r, 300));
    expect(a.seqs()).toEqual(expected);
    expect(b.seqs()).toEqual(expected);
    expect(c.seqs()).toEqual(expected);
    expect(instanceA.notifyWorks || instanceB.notifyWorks || !process.env.TEST_SERVER_URL).toBe(true);
    for (const s of subs) s.stop();
  });

  it("resumes after a given seq: what was missed comes first, then live changes, none twice", async () => {
    const w = await world();
    const start = (await listChanges(await authorize(w.admin.id, w.workspace.slug, "workspace.view"), { after: 0, limit: 500, scope: { kind: "workspace" } })).seq;
    for (let i = 0; i < 3; i++) await record(claimEdited(w.workspace.id, w.admin.id, w.first.claimId, `m${i}`));
    const x = collector();
    const sub = await instanceB.subscribe(w.workspace.id, start + 1, x.sub);
    expect(x.seqs()).toEqual([start + 2, start + 3]);
    await record(claimEdited(w.workspace.id, w.admin.id, w.first.claimId, "live"));
    await until("the live change", () => x.got.length === 3);
    expect(x.seqs()).toEqual([start + 2, start + 3, start + 4]);
    sub.stop();
  });

  it("filters per page: the reader hears its article's highlights and the claims mentioned in it; the claim page only its claim", async () => {
    const w = await world();
    const scoped = (scope: LiveScope) => collector((c) => inScope(scope, c));
    const reader = scoped({ kind: "article", articleId: w.first.article.id });
    const claimPage = scoped({ kind: "claim", claimId: w.second.claimId });
    const subs = [await instanceA.subscribe(w.workspace.id, undefined, reader.sub), await instanceA.subscribe(w.workspace.id, undefined, claimPage.sub)];
    await record(claimEdited(w.workspace.id, w.admin.id, w.first.claimId, "about the first"));
    await record(claimEdited(w.workspace.id, w.admin.id, w.second.claimId, "about the second"));
    await record({ kind: "annotation.deleted", workspaceId: w.workspace.id, actorId: w.admin.id, articleId: w.first.article.id, subjectId: w.first.annotationId, data: { annotationId: w.first.annotationId, exact: "40,000" } });
    await until("the reader's two changes", () => reader.got.length === 2);
    await until("the claim page's change", () => claimPage.got.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(reader.got.map((c) => c.kind)).toEqual(["claim.edited", "annotation.deleted"]);
    expect(reader.got[0].claimId).toBe(w.first.claimId);
    expect(reader.got[0].articleIds).toEqual([w.first.article.id]);
    expect(claimPage.got.map((c) => c.claimId)).toEqual([w.second.claimId]);
    for (const s of subs) s.stop();
  });

  it("a subscriber too far behind is told to reload instead of being replayed thousands of changes", async () => {
    const w = await world();
    await db.changeCounter.upsert({ where: { workspaceId: w.workspace.id }, create: { workspaceId: w.workspace.id, seq: 6000 }, update: { seq: { increment: 6000 } } });
    await record(claimEdited(w.workspace.id, w.admin.id, w.first.claimId, "far ahead"));
    const x = collector();
    const sub = await instanceA.subscribe(w.workspace.id, 1, x.sub);
    expect(x.resets.length).toBe(1);
    expect(x.got).toEqual([]);
    sub.stop();
  });
});

describe("what a member may see", () => {
  it("viewers get content changes but not the team's (members, invites, tokens); admins get both", async () => {
    const w = await world();
    const member: ChangeInput = { kind: "member.role-changed", workspaceId: w.workspace.id, actorId: w.admin.id, subjectId: w.viewer.id, data: { user: { id: w.viewer.id, name: "V" }, from: "viewer", to: "annotator" } };
    await record(claimEdited(w.workspace.id, w.admin.id, w.first.claimId, "content"));
    await record(member);
    const viewerAccess = await authorize(w.viewer.id, w.workspace.slug, "workspace.view");
    const adminAccess = await authorize(w.admin.id, w.workspace.slug, "workspace.view");
    const forViewer = await listChanges(viewerAccess, { after: 0, limit: 500, scope: { kind: "workspace" } });
    const forAdmin = await listChanges(adminAccess, { after: 0, limit: 500, scope: { kind: "workspace" } });
    expect(forViewer.changes.map((c) => c.kind)).not.toContain("member.role-changed");
    expect(forViewer.changes.map((c) => c.kind)).toContain("claim.edited");
    expect(forAdmin.changes.map((c) => c.kind)).toContain("member.role-changed");
    // Both are told how far they have looked, so neither asks for the hidden change again.
    expect(forViewer.seq).toBe(forAdmin.seq);
    const team = forAdmin.changes.find((c) => c.kind === "member.role-changed")!;
    expect(visibleTo(viewerAccess, { ...team, createdAt: new Date() } as never)).toBe(false);
    expect(visibleTo(adminAccess, { ...team, createdAt: new Date() } as never)).toBe(true);
  });
});

/** Reads an SSE body until `count` change events arrived (or the stream ends). */
async function readEvents(res: Response, count: number, ms = 10_000) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const events: { id?: string; event?: string; data?: string }[] = [];
  const deadline = Date.now() + ms;
  while (events.filter((e) => e.event === "change").length < count && Date.now() < deadline) {
    const { value, done } = await Promise.race([reader.read(), new Promise<{ value: undefined; done: true }>((r) => setTimeout(() => r({ value: undefined, done: true }), deadline - Date.now()))]);
    if (done) break;
    text += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = text.indexOf("\n\n")) >= 0) {
      const frame = text.slice(0, cut);
      text = text.slice(cut + 2);
      const e: { id?: string; event?: string; data?: string } = {};
      for (const line of frame.split("\n")) {
        const m = /^(\w+): ?(.*)$/.exec(line);
        if (m) (e as Record<string, string>)[m[1]] = m[2];
      }
      events.push(e);
    }
  }
  await reader.cancel();
  return events;
}

describe("the SSE stream", () => {
  it("sends changes with their seq as id, resumes from Last-Event-ID, and ends when the client goes", async () => {
    const w = await world();
    const access = await authorize(w.viewer.id, w.workspace.slug, "workspace.view");
    const abort = new AbortController();
    const res = await liveStream({ access, scope: { kind: "claim", claimId: w.first.claimId }, after: undefined, signal: abort.signal, hub: instanceB });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    await record(claimEdited(w.workspace.id, w.admin.id, w.first.claimId, "over the wire"));
    const events = await readEvents(res, 1);
    const change = events.find((e) => e.event === "change")!;
    expect(JSON.parse(change.data!)).toMatchObject({ kind: "claim.edited", claimId: w.first.claimId, data: { to: "over the wire" } });
    const seq = Number(change.id);
    abort.abort();
    await until("the stream to let go", () => instanceB.openStreams === 0);

    await record(claimEdited(w.workspace.id, w.admin.id, w.first.claimId, "while away"));
    const again = await liveStream({ access, scope: { kind: "claim", claimId: w.first.claimId }, after: seq, signal: new AbortController().signal, hub: instanceA });
    const resumed = await readEvents(again, 1);
    expect(resumed.filter((e) => e.event === "change").map((e) => JSON.parse(e.data!).data.to)).toEqual(["while away"]);
  });
});
