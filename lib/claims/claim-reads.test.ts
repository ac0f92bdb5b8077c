import { recordChanges } from "@/lib/changes";
import { describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createArticle } from "@/lib/articles/create-article";
import { docFromParagraphs } from "@/lib/articles/document";
import { db } from "@/lib/db/client";
import { unique } from "@/lib/testing/fixtures";
import { attachMention } from "./attach-mention";
import type { ClaimDetail } from "./claim-dto";
import { createClaim } from "./create-claim";
import { CONTEXT_CHARS } from "./claim-reads";
import { getClaim, HISTORY_PAGE, MENTIONS_PAGE } from "./get-claim";
import { listClaimMentions, listClaimRelations, listClaimSources } from "./list-claim-parts";
import { listClaimHistory } from "./list-claim-history";
import { mergeClaims } from "./merge-claims";
import { addRelation } from "./relations";
import { addSource } from "./sources";
import { claimWorld, rejection, source } from "./test-world";

async function detail(p: Promise<ClaimDetail | { redirectTo: string }>): Promise<ClaimDetail> {
  const r = await p;
  if ("redirectTo" in r) throw new Error("redirected");
  return r;
}

describe("a claim's parts, read in SQL", () => {
  it("cuts mention context by UTF-16 offsets in the database, and around emoji without splitting one", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const long = "Officials repeated the figure several times during the long briefing that followed. ".repeat(8);
    const emoji = "😀".repeat(150);
    const paragraphs = [
      "Opening words at the very start.",
      `${long}The bridge carries about 40,000 vehicles a day. ${long}`,
      `${emoji}xy The closure will cost a third of their customers, traders said.`,
      "Closing words at the very end.",
    ];
    const title = unique("Context");
    const created = await createArticle({ workspaceId: w.workspace.id, actorId: w.admin.id, doc: docFromParagraphs(paragraphs), metadata: { title, tags: [] } });
    const { text, id: articleId } = await db.article.findUniqueOrThrow({ where: { id: created.article.id }, select: { text: true, id: true } });
    const mark = async (words: string) => {
      const start = text.indexOf(words);
      return { ...(await createAnnotation(a, articleId, { start, end: start + words.length, revision: 1 })), start, end: start + words.length };
    };

    const middle = await mark("about 40,000 vehicles a day");
    let claim = await createClaim(a, { annotationId: middle.id });
    const atStart = await mark("Opening words");
    const atEnd = await mark("the very end.");
    const afterEmoji = await mark("a third of their customers");
    for (const h of [atStart, atEnd, afterEmoji]) claim = await attachMention(a, claim.id, { annotationId: h.id, version: claim.version });

    const byId = new Map(claim.mentions.map((m) => [m.annotationId, m]));
    // Plain text: exactly CONTEXT_CHARS either side, as JavaScript slices it.
    expect(byId.get(middle.id)).toMatchObject({ before: text.slice(middle.start - CONTEXT_CHARS, middle.start), after: text.slice(middle.end, middle.end + CONTEXT_CHARS) });
    expect(byId.get(middle.id)!.before).toHaveLength(CONTEXT_CHARS);
    // At the edges of the text: what there is.
    expect(byId.get(atStart.id)).toMatchObject({ before: "", after: text.slice(atStart.end, atStart.end + CONTEXT_CHARS) });
    // (The last paragraph's context reaches back into the emoji: it is cut through one, whose half is dropped.)
    const lowSurrogate = (at: number) => text.charCodeAt(at) >= 0xdc00 && text.charCodeAt(at) <= 0xdfff;
    const endCut = atEnd.start - CONTEXT_CHARS;
    expect(byId.get(atEnd.id)).toMatchObject({ before: text.slice(lowSurrogate(endCut) ? endCut + 1 : endCut, atEnd.start), after: "" });
    // After 150 emoji (300 UTF-16 units): offsets still count UTF-16 units, and a cut through an emoji drops its half.
    const cut = afterEmoji.start - CONTEXT_CHARS;
    expect(text.charCodeAt(cut)).toBeGreaterThanOrEqual(0xdc00); // the article is made so the cut falls inside an emoji
    const expected = text.slice(cut + 1, afterEmoji.start);
    expect(byId.get(afterEmoji.id)!.before).toBe(expected);
    expect(byId.get(afterEmoji.id)!.before.endsWith("😀xy The closure will cost ")).toBe(true);
    expect(byId.get(afterEmoji.id)!.after).toBe(text.slice(afterEmoji.end, afterEmoji.end + CONTEXT_CHARS));
    expect(JSON.stringify(byId.get(afterEmoji.id))).not.toMatch(/\\ud[89a-f]/i);
    // An ellipsis goes only where text goes on: not before the article's first words, nor after its last.
    expect(byId.get(middle.id)!.contextCut).toEqual({ before: true, after: true });
    expect(byId.get(atStart.id)!.contextCut).toEqual({ before: false, after: true });
    expect(byId.get(atEnd.id)!.contextCut).toEqual({ before: true, after: false });
    expect(byId.get(afterEmoji.id)!.contextCut).toEqual({ before: true, after: afterEmoji.end + CONTEXT_CHARS < text.length });
  });

  it("says whether the article goes on past the context, also when exactly CONTEXT_CHARS follow or precede", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    // No spaces: a selection is trimmed of them, and these spans must stay exactly as given.
    const filler = "Figures".repeat(90);
    // Without emoji (the context is cut in SQL) and with (cut in JavaScript): the same answers.
    for (const lead of ["", "😀😀"]) {
      const created = await createArticle({ workspaceId: w.workspace.id, actorId: w.admin.id, doc: docFromParagraphs([`${lead}${filler}`, `${filler}.`]), metadata: { title: unique("Edges"), tags: [] } });
      const { text, id: articleId } = await db.article.findUniqueOrThrow({ where: { id: created.article.id }, select: { text: true, id: true } });
      const span = async (start: number, end: number) => (await createAnnotation(a, articleId, { start, end, revision: 1 })).id;
      const end = text.length;
      const marks = {
        exactlyAfter: await span(end - CONTEXT_CHARS - 5, end - CONTEXT_CHARS),
        oneMoreAfter: await span(end - CONTEXT_CHARS - 6, end - CONTEXT_CHARS - 1),
        exactlyBefore: await span(CONTEXT_CHARS, CONTEXT_CHARS + 5),
        oneMoreBefore: await span(CONTEXT_CHARS + 1, CONTEXT_CHARS + 6),
      };
      let claim = await createClaim(a, { annotationId: marks.exactlyAfter });
      for (const id of [marks.oneMoreAfter, marks.exactlyBefore, marks.oneMoreBefore]) claim = await attachMention(a, claim.id, { annotationId: id, version: claim.version });
      const cut = (id: string) => claim.mentions.find((m) => m.annotationId === id)!;
      expect(Object.values(marks).map((id) => cut(id).start)).toEqual([end - CONTEXT_CHARS - 5, end - CONTEXT_CHARS - 6, CONTEXT_CHARS, CONTEXT_CHARS + 1]);
      expect(cut(marks.exactlyAfter).after, lead).toBe(text.slice(end - CONTEXT_CHARS));
      expect(cut(marks.exactlyAfter).contextCut.after, lead).toBe(false);
      expect(cut(marks.oneMoreAfter).contextCut.after, lead).toBe(true);
      expect(cut(marks.exactlyBefore).contextCut.before, lead).toBe(false);
      expect(cut(marks.oneMoreBefore).contextCut.before, lead).toBe(true);
    }
  });

  it("follows a merge chain to the claim that stands, and shows the whole tree's history there", async () => {
    const w = await claimWorld();
    const reviewer = await w.as(w.reviewer);
    const first = await w.claim("about 40,000 vehicles a day");
    const second = await w.claim("a third of their customers");
    let third = await w.claim("€12 million");
    const s2 = await mergeClaims(reviewer, second.id, { from: first.id, version: second.version });
    third = await mergeClaims(reviewer, third.id, { from: second.id, version: third.version });
    expect(s2.mergedFrom.map((m) => m.id)).toEqual([first.id]);

    expect(await getClaim(reviewer, first.id)).toEqual({ redirectTo: third.id });
    expect(await getClaim(reviewer, second.id)).toEqual({ redirectTo: third.id });
    const standing = await detail(getClaim(reviewer, third.id));
    expect(standing.mergedFrom.map((m) => m.id).sort()).toEqual([first.id, second.id].sort());
    expect(new Set(standing.events.map((e) => e.claimId))).toEqual(new Set([first.id, second.id, third.id]));
    expect(standing.mentions).toHaveLength(3);
    await rejection(listClaimMentions(reviewer, first.id, { limit: 10 }), 404);
  });

  it("pages the history: the newest 50 with the claim, the rest by cursor, without gaps or repeats", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const claim = await w.claim("about 40,000 vehicles a day");
    // 70 more events, all sharing one instant (the history follows the feed's commit order, not the clock).
    await db.$transaction((tx) =>
      recordChanges(
        tx,
        Array.from({ length: 70 }, (_, i) => ({
          kind: "comment.created" as const,
          workspaceId: w.workspace.id,
          actorId: w.annotator.id,
          claimId: claim.id,
          subjectId: `comment${i}`,
          data: { commentId: `comment${i}`, mentioned: [] },
        })),
      ),
    );
    // One transaction, so one instant: now() is the transaction's start (the feed is append-only; nothing can re-date them).
    const instants = await db.change.groupBy({ by: ["createdAt"], where: { claimId: claim.id, kind: "comment.created" } });
    expect(instants).toHaveLength(1);
    const all = (await db.change.findMany({ where: { claimId: claim.id }, orderBy: { seq: "desc" }, select: { id: true } })).map((e) => ({ id: String(e.id) }));
    expect(all).toHaveLength(71);

    const d = await detail(getClaim(a, claim.id));
    expect(d.events).toHaveLength(HISTORY_PAGE);
    expect(d.eventsNextCursor).not.toBeNull();
    const seen = d.events.map((e) => e.id);
    let cursor = d.eventsNextCursor;
    while (cursor) {
      const page = await listClaimHistory(a, claim.id, { cursor, limit: 7 });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.map((e) => e.id));
    await rejection(listClaimHistory(a, claim.id, { cursor: "not-a-cursor" }), 400);
  });

  it("pages sources, mentions and relations as keyset pages (REST API v1)", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    let claim = await w.claim("about 40,000 vehicles a day");
    for (let i = 0; i < 5; i++) claim = await addSource(a, claim.id, source(claim.version, { title: `Source ${i}`, stance: i % 2 ? "supports" : "refutes" }));
    const second = await w.article();
    claim = await attachMention(a, claim.id, { annotationId: (await w.highlight("a third of their customers", second)).id, version: claim.version });
    for (const words of ["€12 million", "Unemployment fell"]) {
      const other = await w.claim(words);
      claim = await addRelation(a, claim.id, { toId: other.id, type: "related", version: claim.version });
    }

    async function all<T>(read: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>) {
      const items: T[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await read(cursor);
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      return { items, pages };
    }
    const sources = await all((cursor) => listClaimSources(a, claim.id, { limit: 2, cursor }));
    expect(sources.pages).toBe(3);
    expect(sources.items.map((s) => s.id)).toEqual(claim.sources.map((s) => s.id));
    const refuting = await all((cursor) => listClaimSources(a, claim.id, { limit: 2, cursor, stance: "refutes" }));
    expect(refuting.items.map((s) => s.title)).toEqual(["Source 0", "Source 2", "Source 4"]);
    const mentions = await all((cursor) => listClaimMentions(a, claim.id, { limit: 1, cursor }));
    expect(mentions.items.map((m) => m.annotationId)).toEqual(claim.mentions.map((m) => m.annotationId));
    const relations = await all((cursor) => listClaimRelations(a, claim.id, { limit: 1, cursor }));
    expect(relations.items.map((r) => r.id)).toEqual(claim.relations.map((r) => r.id));
    expect((await listClaimRelations(a, claim.id, { limit: 10, direction: "incoming" })).items).toEqual([]);
  });

  it("carries the first MENTIONS_PAGE mentions with the counts of all; the cursor reads the rest without gaps or repeats", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    let claim = await w.claim("about 40,000 vehicles a day");
    const extra = MENTIONS_PAGE + 4;
    // One after another: 24 article transactions at once outwait the pool's 10 connections on a busy machine.
    const articles = [];
    for (let i = 0; i < extra; i++) articles.push(await w.article());
    for (const on of articles) claim = await attachMention(a, claim.id, { annotationId: (await w.highlight("a third of their customers", on)).id, version: claim.version });
    // One more in an article that already has one: a mention, not another article.
    claim = await attachMention(a, claim.id, { annotationId: (await w.highlight("€12 million", articles[0])).id, version: claim.version });

    const d = await detail(getClaim(a, claim.id));
    expect(d.mentions).toHaveLength(MENTIONS_PAGE);
    expect(d.mentionCount).toBe(extra + 2);
    expect(d.mentionArticleCount).toBe(extra + 1);
    expect(d.mentionsNextCursor).toEqual(expect.any(String));
    const rest = await listClaimMentions(a, claim.id, { limit: 50, cursor: d.mentionsNextCursor! });
    expect(rest.nextCursor).toBeNull();
    const ids = [...d.mentions, ...rest.items].map((m) => m.annotationId);
    expect(new Set(ids).size).toBe(extra + 2);
    const inDb = await db.annotation.findMany({ where: { claimId: claim.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
    expect(ids).toEqual(inDb.map((n) => n.id));

    // A claim with few mentions carries them all, and no cursor.
    const small = await detail(getClaim(a, (await w.claim("Unemployment fell")).id));
    expect([small.mentions.length, small.mentionCount, small.mentionArticleCount, small.mentionsNextCursor]).toEqual([1, 1, 1, null]);
  });
});
